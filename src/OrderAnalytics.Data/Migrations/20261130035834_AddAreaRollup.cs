using System;
using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderAnalytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddAreaRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "locality",
                table: "orders",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "area_facts_hourly",
                columns: table => new
                {
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_from = table.Column<string>(type: "text", nullable: true),
                    order_type = table.Column<string>(type: "text", nullable: true),
                    order_status = table.Column<string>(type: "text", nullable: true),
                    hour = table.Column<short>(type: "smallint", nullable: true),
                    locality = table.Column<string>(type: "text", nullable: true),
                    orders = table.Column<long>(type: "bigint", nullable: false),
                    total = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    core_total = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    discount_total = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    tax_total = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    charges = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateIndex(
                name: "ux_area_facts_hourly",
                table: "area_facts_hourly",
                columns: new[] { "business_date", "restaurant_id", "order_from", "order_type", "order_status", "hour", "locality" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            foreach (var sql in CreateFunctions.Concat(Backfill).Concat(CreateTriggers))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DropTriggersAndFunctions)
                migrationBuilder.Sql(sql);

            migrationBuilder.DropTable(
                name: "area_facts_hourly");

            migrationBuilder.DropColumn(
                name: "locality",
                table: "orders");
        }
    }
}
