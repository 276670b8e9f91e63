using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrderAnalytics.Data.Predictions.Migrations
{
    /// <inheritdoc />
    public partial class InitialPredictions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "model_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    model = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    model_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: true),
                    trained_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    training_from = table.Column<DateOnly>(type: "date", nullable: true),
                    training_to = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    message = table.Column<string>(type: "text", nullable: true),
                    metrics = table.Column<string>(type: "jsonb", nullable: false),
                    results = table.Column<string>(type: "jsonb", nullable: true),
                    duration_ms = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_runs", x => x.id);
                    table.CheckConstraint("ck_model_runs_status", "status IN ('ok', 'insufficient_data', 'failed')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_model_runs_cycle_id",
                table: "model_runs",
                column: "cycle_id");

            migrationBuilder.CreateIndex(
                name: "ix_model_runs_model_restaurant_id_trained_at",
                table: "model_runs",
                columns: new[] { "model", "restaurant_id", "trained_at" },
                descending: new[] { false, false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "model_runs");
        }
    }
}
