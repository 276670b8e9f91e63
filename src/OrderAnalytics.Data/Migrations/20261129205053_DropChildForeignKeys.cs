using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderAnalytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class DropChildForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_order_discounts_orders_restaurant_id_order_id",
                table: "order_discounts");

            migrationBuilder.DropForeignKey(
                name: "fk_order_item_addons_order_items_restaurant_id_order_id_line_no",
                table: "order_item_addons");

            migrationBuilder.DropForeignKey(
                name: "fk_order_items_orders_restaurant_id_order_id",
                table: "order_items");

            migrationBuilder.DropForeignKey(
                name: "fk_order_part_payments_orders_restaurant_id_order_id",
                table: "order_part_payments");

            migrationBuilder.DropForeignKey(
                name: "fk_order_quality_flags_orders_restaurant_id_order_id",
                table: "order_quality_flags");

            migrationBuilder.DropForeignKey(
                name: "fk_order_taxes_orders_restaurant_id_order_id",
                table: "order_taxes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "fk_order_discounts_orders_restaurant_id_order_id",
                table: "order_discounts",
                columns: new[] { "restaurant_id", "order_id" },
                principalTable: "orders",
                principalColumns: new[] { "restaurant_id", "order_id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_order_item_addons_order_items_restaurant_id_order_id_line_no",
                table: "order_item_addons",
                columns: new[] { "restaurant_id", "order_id", "line_no" },
                principalTable: "order_items",
                principalColumns: new[] { "restaurant_id", "order_id", "line_no" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_order_items_orders_restaurant_id_order_id",
                table: "order_items",
                columns: new[] { "restaurant_id", "order_id" },
                principalTable: "orders",
                principalColumns: new[] { "restaurant_id", "order_id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_order_part_payments_orders_restaurant_id_order_id",
                table: "order_part_payments",
                columns: new[] { "restaurant_id", "order_id" },
                principalTable: "orders",
                principalColumns: new[] { "restaurant_id", "order_id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_order_quality_flags_orders_restaurant_id_order_id",
                table: "order_quality_flags",
                columns: new[] { "restaurant_id", "order_id" },
                principalTable: "orders",
                principalColumns: new[] { "restaurant_id", "order_id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_order_taxes_orders_restaurant_id_order_id",
                table: "order_taxes",
                columns: new[] { "restaurant_id", "order_id" },
                principalTable: "orders",
                principalColumns: new[] { "restaurant_id", "order_id" },
                onDelete: ReferentialAction.Cascade);
        }
    }
}
