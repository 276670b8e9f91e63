using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderAnalytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddPaymentAndAddonRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "addon_sales_daily",
                columns: table => new
                {
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_from = table.Column<string>(type: "text", nullable: true),
                    order_type = table.Column<string>(type: "text", nullable: true),
                    addon_name = table.Column<string>(type: "text", nullable: false),
                    group_name = table.Column<string>(type: "text", nullable: true),
                    lines = table.Column<long>(type: "bigint", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    sales = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "order_split_payments_daily",
                columns: table => new
                {
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_from = table.Column<string>(type: "text", nullable: true),
                    order_type = table.Column<string>(type: "text", nullable: true),
                    method = table.Column<string>(type: "text", nullable: false),
                    split_orders = table.Column<long>(type: "bigint", nullable: false),
                    split_amount = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    whole_orders = table.Column<long>(type: "bigint", nullable: false),
                    whole_total = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateIndex(
                name: "ux_addon_sales_daily",
                table: "addon_sales_daily",
                columns: new[] { "business_date", "restaurant_id", "order_from", "order_type", "addon_name", "group_name" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ux_order_split_payments_daily",
                table: "order_split_payments_daily",
                columns: new[] { "business_date", "restaurant_id", "order_from", "order_type", "method" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            foreach (var sql in CreateFunctions.Concat(CreateTriggers).Concat(Backfill)
                         .Concat(AddonFunctions).Concat(AddonTriggers).Concat(AddonBackfill))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DropTriggersAndFunctions.Concat(AddonDrop))
                migrationBuilder.Sql(sql);

            migrationBuilder.DropTable(
                name: "addon_sales_daily");

            migrationBuilder.DropTable(
                name: "order_split_payments_daily");
        }
    }
}
