using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderAnalytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeepPullApiIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "tax_id",
                table: "order_taxes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "category_id",
                table: "order_items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "group_id",
                table: "order_item_addons",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "discount_id",
                table: "order_discounts",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "tax_id",
                table: "order_taxes");

            migrationBuilder.DropColumn(
                name: "category_id",
                table: "order_items");

            migrationBuilder.DropColumn(
                name: "group_id",
                table: "order_item_addons");

            migrationBuilder.DropColumn(
                name: "discount_id",
                table: "order_discounts");
        }
    }
}
