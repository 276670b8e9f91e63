using System.Globalization;
using System.Text;
using System.Text.Json;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders.Benchmarks;

/// <summary>
/// Deterministic variations of PetPooja events: both dialects, envelope / raw_event-as-string / bare callback,
/// type drift, 1–6 items with addons, phones in every format, Gurgaon addresses, a few status events.
/// Names and phones are fake.
/// </summary>
internal static class EventGenerator
{
    private static readonly string[] Items =
    [
        "Classic Tiramisu", "Boston Cream Pie Dessert(2pcs)", "Classic Chocolate Lamington (2pcs)",
        "Eggless Banoffee Ice Cream (Regular Tub (300ml))", "Design Family Pack Of 3 Ice Creams (200+200+200 Ml)",
        "New York Baked Cheesecake Eggless", "Half In Half Regular Scoop Combo", "Pistachio Ice Cream (Regular Tub (300ml))",
        "Bean-to-bar Dark Chocolate Ice Cream (Regular Tub (300ml))", "Monkey Business Ice Cream (Regular Tub (300ml))",
        "Old Fashion Vanilla Ice Cream (Perfect Plenty (300ml))", "Fig &amp; Orange Ice Cream (Regular Scoop)",
    ];

    private static readonly string[] Addresses =
    [
        "Flat 1203, Tower B, Sector-67, Gurugram, Haryana 122102", "A-14, Ground Floor, DLF Phase 3, Gurgaon",
        "Tower 4, The Crest, Golf Course Road, Gurgaon", "Flat 9, Vipul Greens, Sohna Road, Gurgaon",
        "House 332, South City 1, Gurgaon", "C-5/12, Palam Vihar, Gurgaon", "J-11, Nirvana Country, Gurgaon",
        "C-1234 Sushant Lok 1, Gurgaon", "Sector 66, Gurgaon Delhi NCR India", "Gurgaon Delhi NCR India",
    ];

    private static readonly string[] Names = ["Asha Testwala", "Ravi Fakename", "Meera Example", "Kabir Sample", "Rahul", ""];

    private static readonly string[] Phones = ["", "", "+91 98765 43210", "098123 45678", "9812345670", "91-9876501234", "12345"];

    private static readonly string[] Channels = ["Zomato", "Zomato", "POS", "Swiggy", "POS", "Home Website"];

    public static List<RawOrderEvent> Generate(int count, int seed = 42)
    {
        var rng = new Random(seed);
        var list = new List<RawOrderEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var json = i % 25 == 24 ? Status(rng, i) : Order(rng, i);
            list.Add(new RawOrderEvent($"evt-{i}", i + 1, EventSources.Backfill, DateTimeOffset.UnixEpoch, json));
        }
        return list;
    }

    private static string Order(Random rng, int i)
    {
        var pull = rng.Next(3) == 0;
        var shape = rng.Next(4); // 0,1 envelope object; 2 raw_event string; 3 bare callback
        var drift = rng.Next(2) == 0; // numbers as strings
        var orderId = 1000 + i;

        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("event", "orderdetails");
            w.WriteString(pull ? "Token" : "token", "");
            w.WritePropertyName("properties");
            w.WriteStartObject();

            w.WritePropertyName("Restaurant");
            w.WriteStartObject();
            w.WriteString("restID", "1c8w7fp500");
            w.WriteString("res_name", "Dach & Nona");
            w.WriteString("address", "House 1, Example Lane, Gurgaon");
            w.WriteString("contact_information", "9000000001");
            if (pull)
            {
                w.WriteString("restaurantid", "345678");
                w.WriteString("restaurant_state", "Haryana");
            }
            w.WriteEndObject();

            var channel = Channels[rng.Next(Channels.Length)];
            w.WritePropertyName("Customer");
            w.WriteStartObject();
            if (channel == "POS" && rng.Next(2) == 0)
            {
                w.WriteString("name", "");
                w.WriteString("phone", "");
                w.WriteString("address", "");
            }
            else
            {
                w.WriteString("name", Names[rng.Next(Names.Length)]);
                w.WriteString("phone", Phones[rng.Next(Phones.Length)]);
                w.WriteString("address", Addresses[rng.Next(Addresses.Length)]);
            }
            w.WriteString(pull ? "gst_no" : "gstin", "");
            w.WriteEndObject();

            var itemCount = 1 + rng.Next(6);
            decimal core = 0, tax = 0;
            w.WritePropertyName("OrderItem");
            w.WriteStartArray();
            for (var k = 0; k < itemCount; k++)
            {
                var qty = 1 + rng.Next(3);
                var price = 150 + 10 * rng.Next(40);
                var total = qty * price;
                var itemTax = Math.Round(total * 0.05m, 2);
                core += total;
                tax += itemTax;
                w.WriteStartObject();
                w.WriteNumber("itemid", 1282571000 + rng.Next(500));
                w.WriteString("name", Items[rng.Next(Items.Length)]);
                w.WriteString("itemcode", "CODE" + k);
                Num(w, "quantity", qty, drift);
                Num(w, "price", price, drift);
                Num(w, "total", total, drift);
                Num(w, pull ? "total_tax" : "tax", itemTax, drift);
                Num(w, pull ? "total_discount" : "discount", 0, drift);
                w.WriteString(pull ? "categoryname" : "category_name", "Ice Creams");
                if (pull) w.WriteString("categoryid", "55");
                w.WriteString("specialnotes", rng.Next(5) == 0 ? "less sugar please" : "");
                w.WriteString(pull ? "itemsapcode" : "sap_code", "");
                w.WriteString("vendoritemcode", "");
                w.WritePropertyName("addon");
                w.WriteStartArray();
                if (rng.Next(2) == 0)
                {
                    w.WriteStartObject();
                    w.WriteString(pull ? "addon_id" : "addonid", "53392899");
                    w.WriteString("name", rng.Next(2) == 0 ? "Cup" : "Waffle Cone");
                    w.WriteNumber("price", 0);
                    w.WriteString("quantity", "1");
                    w.WriteString("group_name", "Cuporcone");
                    w.WriteString(pull ? "sap_code" : "addon_sap_code", "");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WritePropertyName("Tax");
            w.WriteStartArray();
            foreach (var title in new[] { "CGST@2.5", "SGST@2.5" })
            {
                w.WriteStartObject();
                if (pull) w.WriteString("taxid", title[..4]);
                w.WriteString("title", title);
                w.WriteString("type", "P");
                Num(w, "rate", 2.5m, drift);
                Num(w, "amount", tax / 2, drift);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WritePropertyName("Discount");
            w.WriteStartArray();
            w.WriteEndArray();

            var created = new DateTime(2025, 1, 1, 11, 0, 0).AddMinutes(rng.Next(60 * 24 * 240));
            w.WritePropertyName("Order");
            w.WriteStartObject();
            if (pull) w.WriteString("orderID", orderId.ToString(CultureInfo.InvariantCulture));
            else w.WriteNumber("orderID", orderId);
            Num(w, "total", core + tax, drift);
            Num(w, "core_total", core, drift);
            Num(w, "tax_total", tax, drift);
            Num(w, "discount_total", 0, drift);
            Num(w, "delivery_charges", 0, drift);
            Num(w, pull ? "container_charges" : "packaging_charge", 0, drift);
            w.WriteNumber("service_charge", 0);
            w.WriteString("round_off", "0.00");
            w.WriteString("created_on", created.ToString(rng.Next(10) == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            w.WriteString("order_type", channel == "POS" ? "Dine In" : "Delivery");
            w.WriteString("order_from", channel);
            w.WriteString("sub_order_type", channel == "POS" ? "AC" : channel);
            w.WriteString("payment_type", channel == "POS" ? "Cash" : "Online");
            w.WriteString("status", "Success");
            if (pull)
            {
                w.WriteString("refId", "");
                w.WriteString("sub_order_type_id", "1");
                w.WriteNumber("advance_order", 0);
                w.WriteString("order_date", created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteString("biller", channel);
                w.WriteString("order_from_id", "6054307452");
                w.WriteString("customer_invoice_id", orderId.ToString(CultureInfo.InvariantCulture));
                w.WriteString("table_no", "");
                w.WriteString("token_no", "");
                w.WriteString("assignee", "");
            }
            w.WriteNumber("no_of_persons", 0);
            w.WriteString("comment", "");
            w.WriteEndObject();

            w.WriteEndObject(); // properties
            w.WriteEndObject(); // callback
        }

        var callback = Encoding.UTF8.GetString(ms.ToArray());
        return shape == 3 ? callback : Envelope(i, orderId, callback, asString: shape == 2, "orderdetails");
    }

    private static string Status(Random rng, int i)
    {
        int[] codes = [-1, 1, 2, 3, 5, 4, 10];
        var code = codes[rng.Next(codes.Length)];
        var callback = $$"""{"event":"orderstatus","token":"","properties":{"restID":"1c8w7fp500","orderID":"{{1000 + i - 1}}","status":"{{code}}","cancel_reason":"","timestamp":"2025-06-08 21:05:00"}""" + "}";
        return Envelope(i, 1000 + i - 1, callback, asString: false, "orderstatus");
    }

    private static string Envelope(int i, int orderId, string callback, bool asString, string eventType)
    {
        var rawEvent = $$"""{"source":"petpooja","command_id":"h{{i}}","raw_payload":""" + callback + "}";
        var rawEventJson = asString ? JsonSerializer.Serialize(rawEvent) : rawEvent;
        return $$"""{"stream_id":{{i + 1}},"event_id":"00000000-0000-4000-8000-{{i:D12}}","aggregate_type":"order","aggregate_id":"{{orderId}}","event_type":"{{eventType}}","occurred_at":"2025-06-08T15:26:01.027940+00:00","raw_event":""" + rawEventJson + "}";
    }

    private static void Num(Utf8JsonWriter w, string name, decimal value, bool asString)
    {
        if (asString) w.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        else w.WriteNumber(name, value);
    }
}
