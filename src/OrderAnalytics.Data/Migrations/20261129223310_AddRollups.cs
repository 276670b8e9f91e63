using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderAnalytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "item_sales_daily",
                columns: table => new
                {
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_from = table.Column<string>(type: "text", nullable: true),
                    order_type = table.Column<string>(type: "text", nullable: true),
                    menu_item_id = table.Column<long>(type: "bigint", nullable: true),
                    match_decision = table.Column<string>(type: "text", nullable: true),
                    normalised_name = table.Column<string>(type: "text", nullable: true),
                    lines = table.Column<long>(type: "bigint", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(16,3)", precision: 16, scale: 3, nullable: false),
                    total_price = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    discount_amount = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "order_facts_daily",
                columns: table => new
                {
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_from = table.Column<string>(type: "text", nullable: true),
                    order_type = table.Column<string>(type: "text", nullable: true),
                    order_status = table.Column<string>(type: "text", nullable: true),
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

            migrationBuilder.CreateTable(
                name: "order_facts_hourly",
                columns: table => new
                {
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_from = table.Column<string>(type: "text", nullable: true),
                    order_type = table.Column<string>(type: "text", nullable: true),
                    order_status = table.Column<string>(type: "text", nullable: true),
                    hour = table.Column<short>(type: "smallint", nullable: true),
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

            migrationBuilder.CreateTable(
                name: "order_payments_daily",
                columns: table => new
                {
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_from = table.Column<string>(type: "text", nullable: true),
                    order_type = table.Column<string>(type: "text", nullable: true),
                    payment_type = table.Column<string>(type: "text", nullable: true),
                    orders = table.Column<long>(type: "bigint", nullable: false),
                    total = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_customer_first_success",
                table: "orders",
                columns: new[] { "customer_id", "business_date" },
                filter: "order_status = 'Success' AND NOT is_test AND business_date IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_item_sales_daily",
                table: "item_sales_daily",
                columns: new[] { "business_date", "restaurant_id", "order_from", "order_type", "menu_item_id", "match_decision", "normalised_name" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ux_order_facts_daily",
                table: "order_facts_daily",
                columns: new[] { "business_date", "restaurant_id", "order_from", "order_type", "order_status" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ux_order_facts_hourly",
                table: "order_facts_hourly",
                columns: new[] { "business_date", "restaurant_id", "order_from", "order_type", "order_status", "hour" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ux_order_payments_daily",
                table: "order_payments_daily",
                columns: new[] { "business_date", "restaurant_id", "order_from", "order_type", "payment_type" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            foreach (var sql in CreateFunctions.Concat(CreateTriggers).Concat(Backfill))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DropTriggersAndFunctions)
                migrationBuilder.Sql(sql);

            migrationBuilder.DropTable(
                name: "item_sales_daily");

            migrationBuilder.DropTable(
                name: "order_facts_daily");

            migrationBuilder.DropTable(
                name: "order_facts_hourly");

            migrationBuilder.DropTable(
                name: "order_payments_daily");

            migrationBuilder.DropIndex(
                name: "ix_orders_customer_first_success",
                table: "orders");
        }
    }
}
