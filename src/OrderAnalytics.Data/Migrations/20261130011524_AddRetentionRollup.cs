using System;
using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderAnalytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddRetentionRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer_months",
                columns: table => new
                {
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    customer_id = table.Column<long>(type: "bigint", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    orders = table.Column<long>(type: "bigint", nullable: false),
                    revenue = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "retention_deltas",
                columns: table => new
                {
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    cohort = table.Column<DateOnly>(type: "date", nullable: false),
                    customers = table.Column<long>(type: "bigint", nullable: false),
                    orders = table.Column<long>(type: "bigint", nullable: false),
                    revenue = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateIndex(
                name: "ux_customer_months",
                table: "customer_months",
                columns: new[] { "customer_id", "month" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_retention_deltas_restaurant_id_month",
                table: "retention_deltas",
                columns: new[] { "restaurant_id", "month" });

            foreach (var sql in CreateFunctions.Concat(CreateTriggers).Concat(Backfill))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DropTriggersAndFunctions)
                migrationBuilder.Sql(sql);

            migrationBuilder.DropTable(
                name: "customer_months");

            migrationBuilder.DropTable(
                name: "retention_deltas");
        }
    }
}
