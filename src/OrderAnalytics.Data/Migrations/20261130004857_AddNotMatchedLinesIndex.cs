using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderAnalytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddNotMatchedLinesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_order_items_not_matched",
                table: "order_items",
                columns: new[] { "restaurant_id", "order_id" },
                filter: "match_decision IS DISTINCT FROM 'matched' OR menu_item_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_order_items_not_matched",
                table: "order_items");
        }
    }
}
