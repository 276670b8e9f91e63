using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrderAnalytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "addons",
                columns: table => new
                {
                    addon_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    group_name = table.Column<string>(type: "text", nullable: false),
                    petpooja_addonid = table.Column<string>(type: "text", nullable: true),
                    base_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_addons", x => x.addon_id);
                });

            migrationBuilder.CreateTable(
                name: "fetch_checkpoints",
                columns: table => new
                {
                    source = table.Column<string>(type: "text", nullable: false),
                    cursor = table.Column<long>(type: "bigint", nullable: false),
                    events_fetched = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fetch_checkpoints", x => x.source);
                });

            migrationBuilder.CreateTable(
                name: "menu_items",
                columns: table => new
                {
                    menu_item_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    variant = table.Column<string>(type: "text", nullable: false),
                    base_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    petpooja_itemid = table.Column<string>(type: "text", nullable: true),
                    itemcode = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_menu_items", x => x.menu_item_id);
                });

            migrationBuilder.CreateTable(
                name: "raw_events",
                columns: table => new
                {
                    event_id = table.Column<string>(type: "text", nullable: false),
                    stream_id = table.Column<long>(type: "bigint", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    restaurant_ref = table.Column<string>(type: "text", nullable: true),
                    order_id = table.Column<string>(type: "text", nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_raw_events", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "restaurants",
                columns: table => new
                {
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    petpooja_restid = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    address = table.Column<string>(type: "text", nullable: true),
                    contact_info = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_restaurants", x => x.restaurant_id);
                });

            migrationBuilder.CreateTable(
                name: "review_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "text", nullable: false),
                    event_id = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "menu_aliases",
                columns: table => new
                {
                    normalised_name = table.Column<string>(type: "text", nullable: false),
                    menu_item_id = table.Column<long>(type: "bigint", nullable: false),
                    raw_example = table.Column<string>(type: "text", nullable: true),
                    verified_by = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_menu_aliases", x => x.normalised_name);
                    table.ForeignKey(
                        name: "fk_menu_aliases_menu_items_menu_item_id",
                        column: x => x.menu_item_id,
                        principalTable: "menu_items",
                        principalColumn: "menu_item_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    customer_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    customer_key = table.Column<string>(type: "text", nullable: false),
                    pseudonym = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    phone = table.Column<string>(type: "text", nullable: true),
                    address = table.Column<string>(type: "text", nullable: true),
                    locality = table.Column<string>(type: "text", nullable: true),
                    gstin = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.customer_id);
                    table.ForeignKey(
                        name: "fk_customers_restaurants_restaurant_id",
                        column: x => x.restaurant_id,
                        principalTable: "restaurants",
                        principalColumn: "restaurant_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "order_status_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<string>(type: "text", nullable: false),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<string>(type: "text", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancel_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_status_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_status_events_restaurants_restaurant_id",
                        column: x => x.restaurant_id,
                        principalTable: "restaurants",
                        principalColumn: "restaurant_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<string>(type: "text", nullable: false),
                    customer_id = table.Column<long>(type: "bigint", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    stream_id = table.Column<long>(type: "bigint", nullable: true),
                    event_id = table.Column<string>(type: "text", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_on = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    created_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    business_date = table.Column<DateOnly>(type: "date", nullable: true),
                    order_type = table.Column<string>(type: "text", nullable: true),
                    order_from = table.Column<string>(type: "text", nullable: true),
                    sub_order_type = table.Column<string>(type: "text", nullable: true),
                    order_status = table.Column<string>(type: "text", nullable: true),
                    payment_type = table.Column<string>(type: "text", nullable: true),
                    biller = table.Column<string>(type: "text", nullable: true),
                    order_from_id = table.Column<string>(type: "text", nullable: true),
                    customer_invoice_id = table.Column<string>(type: "text", nullable: true),
                    table_no = table.Column<string>(type: "text", nullable: true),
                    token_no = table.Column<string>(type: "text", nullable: true),
                    assignee = table.Column<string>(type: "text", nullable: true),
                    no_of_persons = table.Column<int>(type: "integer", nullable: true),
                    comment = table.Column<string>(type: "text", nullable: true),
                    core_total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    tax_total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    discount_total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    delivery_charges = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    packaging_charge = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    service_charge = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    round_off = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    dialect = table.Column<string>(type: "text", nullable: false),
                    is_test = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => new { x.restaurant_id, x.order_id });
                    table.ForeignKey(
                        name: "fk_orders_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "customer_id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_orders_restaurants_restaurant_id",
                        column: x => x.restaurant_id,
                        principalTable: "restaurants",
                        principalColumn: "restaurant_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "order_discounts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<string>(type: "text", nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    discount_title = table.Column<string>(type: "text", nullable: false),
                    discount_type = table.Column<string>(type: "text", nullable: true),
                    discount_rate = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: false),
                    discount_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_discounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_discounts_orders_restaurant_id_order_id",
                        columns: x => new { x.restaurant_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "restaurant_id", "order_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_items",
                columns: table => new
                {
                    order_item_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<string>(type: "text", nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    menu_item_id = table.Column<long>(type: "bigint", nullable: true),
                    petpooja_itemid = table.Column<string>(type: "text", nullable: true),
                    itemcode = table.Column<string>(type: "text", nullable: true),
                    name_raw = table.Column<string>(type: "text", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(12,3)", precision: 12, scale: 3, nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    total_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    tax_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    discount_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    category_name = table.Column<string>(type: "text", nullable: true),
                    specialnotes = table.Column<string>(type: "text", nullable: true),
                    sap_code = table.Column<string>(type: "text", nullable: true),
                    vendoritemcode = table.Column<string>(type: "text", nullable: true),
                    match_decision = table.Column<string>(type: "text", nullable: true),
                    match_score = table.Column<double>(type: "double precision", nullable: true),
                    normalised_name = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_items", x => x.order_item_id);
                    table.UniqueConstraint("ak_order_items_restaurant_id_order_id_line_no", x => new { x.restaurant_id, x.order_id, x.line_no });
                    table.ForeignKey(
                        name: "fk_order_items_menu_items_menu_item_id",
                        column: x => x.menu_item_id,
                        principalTable: "menu_items",
                        principalColumn: "menu_item_id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_order_items_orders_restaurant_id_order_id",
                        columns: x => new { x.restaurant_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "restaurant_id", "order_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_part_payments",
                columns: table => new
                {
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<string>(type: "text", nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    payment_type = table.Column<string>(type: "text", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_part_payments", x => new { x.restaurant_id, x.order_id, x.line_no });
                    table.ForeignKey(
                        name: "fk_order_part_payments_orders_restaurant_id_order_id",
                        columns: x => new { x.restaurant_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "restaurant_id", "order_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_quality_flags",
                columns: table => new
                {
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_quality_flags", x => new { x.restaurant_id, x.order_id, x.code });
                    table.ForeignKey(
                        name: "fk_order_quality_flags_orders_restaurant_id_order_id",
                        columns: x => new { x.restaurant_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "restaurant_id", "order_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_taxes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<string>(type: "text", nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    tax_title = table.Column<string>(type: "text", nullable: false),
                    tax_rate = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: false),
                    tax_type = table.Column<string>(type: "text", nullable: true),
                    tax_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_taxes", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_taxes_orders_restaurant_id_order_id",
                        columns: x => new { x.restaurant_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "restaurant_id", "order_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_item_addons",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    restaurant_id = table.Column<long>(type: "bigint", nullable: false),
                    order_id = table.Column<string>(type: "text", nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    addon_line_no = table.Column<int>(type: "integer", nullable: false),
                    addon_id = table.Column<long>(type: "bigint", nullable: true),
                    petpooja_addonid = table.Column<string>(type: "text", nullable: true),
                    addon_name = table.Column<string>(type: "text", nullable: false),
                    group_name = table.Column<string>(type: "text", nullable: true),
                    quantity = table.Column<decimal>(type: "numeric(12,3)", precision: 12, scale: 3, nullable: false),
                    price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    addon_sap_code = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_item_addons", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_item_addons_addons_addon_id",
                        column: x => x.addon_id,
                        principalTable: "addons",
                        principalColumn: "addon_id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_order_item_addons_order_items_restaurant_id_order_id_line_no",
                        columns: x => new { x.restaurant_id, x.order_id, x.line_no },
                        principalTable: "order_items",
                        principalColumns: new[] { "restaurant_id", "order_id", "line_no" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_addons_name_group_name",
                table: "addons",
                columns: new[] { "name", "group_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_pseudonym",
                table: "customers",
                column: "pseudonym");

            migrationBuilder.CreateIndex(
                name: "ix_customers_restaurant_id_customer_key",
                table: "customers",
                columns: new[] { "restaurant_id", "customer_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_menu_aliases_menu_item_id",
                table: "menu_aliases",
                column: "menu_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_menu_items_name_variant",
                table: "menu_items",
                columns: new[] { "name", "variant" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_discounts_restaurant_id_order_id_line_no",
                table: "order_discounts",
                columns: new[] { "restaurant_id", "order_id", "line_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_item_addons_addon_id",
                table: "order_item_addons",
                column: "addon_id");

            migrationBuilder.CreateIndex(
                name: "ix_order_item_addons_restaurant_id_order_id_line_no_addon_line",
                table: "order_item_addons",
                columns: new[] { "restaurant_id", "order_id", "line_no", "addon_line_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_items_menu_item_id",
                table: "order_items",
                column: "menu_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_order_items_normalised_name",
                table: "order_items",
                column: "normalised_name");

            migrationBuilder.CreateIndex(
                name: "ix_order_quality_flags_code",
                table: "order_quality_flags",
                column: "code");

            migrationBuilder.CreateIndex(
                name: "ix_order_status_events_event_id",
                table: "order_status_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_status_events_restaurant_id_order_id",
                table: "order_status_events",
                columns: new[] { "restaurant_id", "order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_order_taxes_restaurant_id_order_id_line_no",
                table: "order_taxes",
                columns: new[] { "restaurant_id", "order_id", "line_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_business_date",
                table: "orders",
                column: "business_date");

            migrationBuilder.CreateIndex(
                name: "ix_orders_customer_id",
                table: "orders",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_restaurant_id_business_date",
                table: "orders",
                columns: new[] { "restaurant_id", "business_date" });

            migrationBuilder.CreateIndex(
                name: "ix_raw_events_outcome",
                table: "raw_events",
                column: "outcome");

            migrationBuilder.CreateIndex(
                name: "ix_raw_events_restaurant_ref_order_id",
                table: "raw_events",
                columns: new[] { "restaurant_ref", "order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_raw_events_stream_id",
                table: "raw_events",
                column: "stream_id");

            migrationBuilder.CreateIndex(
                name: "ix_restaurants_petpooja_restid",
                table: "restaurants",
                column: "petpooja_restid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_items_kind_event_id",
                table: "review_items",
                columns: new[] { "kind", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_items_resolved_at",
                table: "review_items",
                column: "resolved_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fetch_checkpoints");

            migrationBuilder.DropTable(
                name: "menu_aliases");

            migrationBuilder.DropTable(
                name: "order_discounts");

            migrationBuilder.DropTable(
                name: "order_item_addons");

            migrationBuilder.DropTable(
                name: "order_part_payments");

            migrationBuilder.DropTable(
                name: "order_quality_flags");

            migrationBuilder.DropTable(
                name: "order_status_events");

            migrationBuilder.DropTable(
                name: "order_taxes");

            migrationBuilder.DropTable(
                name: "raw_events");

            migrationBuilder.DropTable(
                name: "review_items");

            migrationBuilder.DropTable(
                name: "addons");

            migrationBuilder.DropTable(
                name: "order_items");

            migrationBuilder.DropTable(
                name: "menu_items");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "customers");

            migrationBuilder.DropTable(
                name: "restaurants");
        }
    }
}
