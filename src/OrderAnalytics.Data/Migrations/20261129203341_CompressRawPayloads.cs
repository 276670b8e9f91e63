using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderAnalytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompressRawPayloads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "raw_events")
                .Annotation("Npgsql:StorageParameter:toast_tuple_target", 512);

            migrationBuilder.AlterColumn<string>(
                name: "payload",
                table: "raw_events",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text")
                .Annotation("Npgsql:Compression:", "lz4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "raw_events")
                .OldAnnotation("Npgsql:StorageParameter:toast_tuple_target", 512);

            migrationBuilder.AlterColumn<string>(
                name: "payload",
                table: "raw_events",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text")
                .OldAnnotation("Npgsql:Compression:", "lz4");
        }
    }
}
