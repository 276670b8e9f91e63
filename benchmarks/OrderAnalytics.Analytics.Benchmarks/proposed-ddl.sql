-- DDL the analytics service needs for p95 ≤ 50 ms at ≈300K orders/year (see the benchmark report).
-- NOT applied by any migration yet: the schema belongs to OrderAnalytics.Data. The benchmark applies this file to its own
-- store with --proposed-ddl to measure the effect. Statements are separated by separator lines (two dashes, a space, two semicolons).

-- 1. Customer retention (5.6): a customer's first Success order = the first entry of this index, read index-only.
CREATE INDEX IF NOT EXISTS ix_orders_customer_first_success ON orders (customer_id, business_date)
    WHERE order_status = 'Success' AND NOT is_test AND business_date IS NOT NULL;
-- ;;

-- 2. Order facts per business day, channel, order type, status, payment type and IST hour: revenue by day/week/month (5.1),
--    AOV (5.3), channel/order-type mix (5.4), peak hours (5.5) and unsplit payment methods (5.7) read ~150 rows a day
--    instead of every order. Kept exact inside the loader's transaction by statement-level triggers on orders (below):
--    no loader change. Rows whose counts fall to zero stay (harmless; a periodic DELETE … WHERE orders = 0 may tidy them).
CREATE TABLE IF NOT EXISTS order_facts_hourly (
    restaurant_id    bigint        NOT NULL REFERENCES restaurants (restaurant_id),
    business_date    date          NOT NULL,
    order_from       text          NOT NULL,   -- '' when missing
    order_type       text          NOT NULL,
    order_status     text          NOT NULL,
    payment_type     text          NOT NULL,
    hour             smallint      NOT NULL,   -- IST hour of created_on, -1 when missing
    orders           bigint        NOT NULL,
    total            numeric(16,2) NOT NULL,
    core_total       numeric(16,2) NOT NULL,
    discount_total   numeric(16,2) NOT NULL,
    tax_total        numeric(16,2) NOT NULL,
    charges          numeric(16,2) NOT NULL,   -- packaging + delivery + service + round_off
    PRIMARY KEY (business_date, restaurant_id, order_from, order_type, order_status, payment_type, hour)
);
-- ;;
-- Transition tables need one trigger per event (INSERT has only NEW TABLE, DELETE only OLD TABLE): three functions.
CREATE OR REPLACE FUNCTION order_facts_hourly_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_facts_hourly AS f
    SELECT n.restaurant_id, n.business_date, coalesce(n.order_from, ''), coalesce(n.order_type, ''), coalesce(n.order_status, ''),
           coalesce(n.payment_type, ''), coalesce(extract(hour FROM n.created_on)::smallint, -1),
           count(*), sum(n.total), sum(n.core_total), sum(n.discount_total), sum(n.tax_total),
           sum(n.packaging_charge + n.delivery_charges + n.service_charge + n.round_off)
    FROM new_rows n WHERE n.business_date IS NOT NULL AND NOT n.is_test
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 2, 1, 3, 4, 5, 6, 7
    ON CONFLICT (business_date, restaurant_id, order_from, order_type, order_status, payment_type, hour) DO UPDATE SET
        orders = f.orders + EXCLUDED.orders, total = f.total + EXCLUDED.total, core_total = f.core_total + EXCLUDED.core_total,
        discount_total = f.discount_total + EXCLUDED.discount_total, tax_total = f.tax_total + EXCLUDED.tax_total,
        charges = f.charges + EXCLUDED.charges;
    RETURN NULL;
END $$;
-- ;;
CREATE OR REPLACE FUNCTION order_facts_hourly_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_facts_hourly AS f
    SELECT d.restaurant_id, d.business_date, coalesce(d.order_from, ''), coalesce(d.order_type, ''), coalesce(d.order_status, ''),
           coalesce(d.payment_type, ''), coalesce(extract(hour FROM d.created_on)::smallint, -1),
           sum(d.sign), sum(d.sign * d.total), sum(d.sign * d.core_total), sum(d.sign * d.discount_total), sum(d.sign * d.tax_total),
           sum(d.sign * (d.packaging_charge + d.delivery_charges + d.service_charge + d.round_off))
    FROM (SELECT 1 AS sign, n.* FROM new_rows n UNION ALL SELECT -1, o.* FROM old_rows o) d
    WHERE d.business_date IS NOT NULL AND NOT d.is_test
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 2, 1, 3, 4, 5, 6, 7
    ON CONFLICT (business_date, restaurant_id, order_from, order_type, order_status, payment_type, hour) DO UPDATE SET
        orders = f.orders + EXCLUDED.orders, total = f.total + EXCLUDED.total, core_total = f.core_total + EXCLUDED.core_total,
        discount_total = f.discount_total + EXCLUDED.discount_total, tax_total = f.tax_total + EXCLUDED.tax_total,
        charges = f.charges + EXCLUDED.charges;
    RETURN NULL;
END $$;
-- ;;
CREATE OR REPLACE FUNCTION order_facts_hourly_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_facts_hourly AS f
    SELECT o.restaurant_id, o.business_date, coalesce(o.order_from, ''), coalesce(o.order_type, ''), coalesce(o.order_status, ''),
           coalesce(o.payment_type, ''), coalesce(extract(hour FROM o.created_on)::smallint, -1),
           -count(*), -sum(o.total), -sum(o.core_total), -sum(o.discount_total), -sum(o.tax_total),
           -sum(o.packaging_charge + o.delivery_charges + o.service_charge + o.round_off)
    FROM old_rows o WHERE o.business_date IS NOT NULL AND NOT o.is_test
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 2, 1, 3, 4, 5, 6, 7
    ON CONFLICT (business_date, restaurant_id, order_from, order_type, order_status, payment_type, hour) DO UPDATE SET
        orders = f.orders + EXCLUDED.orders, total = f.total + EXCLUDED.total, core_total = f.core_total + EXCLUDED.core_total,
        discount_total = f.discount_total + EXCLUDED.discount_total, tax_total = f.tax_total + EXCLUDED.tax_total,
        charges = f.charges + EXCLUDED.charges;
    RETURN NULL;
END $$;
-- ;;
DROP TRIGGER IF EXISTS trg_order_facts_hourly_ins ON orders;
-- ;;
CREATE TRIGGER trg_order_facts_hourly_ins AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION order_facts_hourly_ins();
-- ;;
DROP TRIGGER IF EXISTS trg_order_facts_hourly_upd ON orders;
-- ;;
CREATE TRIGGER trg_order_facts_hourly_upd AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION order_facts_hourly_upd();
-- ;;
DROP TRIGGER IF EXISTS trg_order_facts_hourly_del ON orders;
-- ;;
CREATE TRIGGER trg_order_facts_hourly_del AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION order_facts_hourly_del();
-- ;;
-- Backfill (once, in the migration, before the service reads the table).
TRUNCATE order_facts_hourly;
-- ;;
INSERT INTO order_facts_hourly
SELECT restaurant_id, business_date, coalesce(order_from, ''), coalesce(order_type, ''), coalesce(order_status, ''),
       coalesce(payment_type, ''), coalesce(extract(hour FROM created_on)::smallint, -1),
       count(*), sum(total), sum(core_total), sum(discount_total), sum(tax_total),
       sum(packaging_charge + delivery_charges + service_charge + round_off)
FROM orders WHERE business_date IS NOT NULL AND NOT is_test
GROUP BY 1, 2, 3, 4, 5, 6, 7;
-- ;;

-- 3. Item sales per business day (5.2): lines of Success orders summed per item identity. Item rows cannot be kept by a
--    trigger on order_items alone (the loader updates the order's status before it replaces the lines, so a trigger would
--    subtract old lines under the new status). Recompute the touched days instead, in the loader's batch transaction after
--    ChildSql.ReplaceAsync, for the (restaurant_id, business_date) pairs of the orders written (old and new dates):
--      DELETE FROM item_sales_daily WHERE (restaurant_id, business_date) IN (SELECT * FROM unnest($1::bigint[], $2::date[]));
--      INSERT INTO item_sales_daily SELECT … (the backfill query below, restricted to those pairs);
--    under pg_advisory_xact_lock(restaurant_id, business_date epoch day) per pair (sorted) so concurrent loaders serialise per day.
CREATE TABLE IF NOT EXISTS item_sales_daily (
    restaurant_id    bigint        NOT NULL REFERENCES restaurants (restaurant_id),
    business_date    date          NOT NULL,
    order_from       text          NOT NULL,
    order_type       text          NOT NULL,
    menu_item_id     bigint,                   -- as stored on the line (the matcher's choice; null when none)
    match_decision   text          NOT NULL,
    normalised_name  text          NOT NULL,
    lines            bigint        NOT NULL,
    quantity         numeric(16,3) NOT NULL,
    total_price      numeric(16,2) NOT NULL,
    discount_amount  numeric(16,2) NOT NULL,
    addon_quantity   numeric(16,3) NOT NULL DEFAULT 0
);
-- ;;
CREATE INDEX IF NOT EXISTS ix_item_sales_daily_date ON item_sales_daily (business_date, restaurant_id);
-- ;;
TRUNCATE item_sales_daily;
-- ;;
INSERT INTO item_sales_daily (restaurant_id, business_date, order_from, order_type, menu_item_id, match_decision, normalised_name,
                              lines, quantity, total_price, discount_amount)
SELECT o.restaurant_id, o.business_date, coalesce(o.order_from, ''), coalesce(o.order_type, ''), i.menu_item_id,
       coalesce(i.match_decision, 'unmatched'), coalesce(i.normalised_name, lower(i.name_raw)),
       count(*), sum(i.quantity), sum(i.total_price), sum(i.discount_amount)
FROM orders o JOIN order_items i ON i.restaurant_id = o.restaurant_id AND i.order_id = o.order_id
WHERE o.order_status = 'Success' AND NOT o.is_test AND o.business_date IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
-- ;;
VACUUM ANALYZE orders;
-- ;;
VACUUM ANALYZE order_facts_hourly;
-- ;;
VACUUM ANALYZE item_sales_daily;
