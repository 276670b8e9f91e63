using System.Globalization;

namespace OrderAnalytics.System.Tests;

/// <summary>Webhook bodies for one-item orders the cleaner accepts (a menu item, totals that add up).</summary>
internal static class WebhookBodies
{
    /// <summary>The bare PetPooja callback, as the POS posts it: no stream id, so its event id is derived from the body.</summary>
    public static string Callback(string restaurant, long orderId, decimal total) =>
        """{"event":"orderdetails","token":"","properties":""" + Properties(restaurant, orderId, total) + "}";

    /// <summary>The envelope the upstream relays: <paramref name="streamId"/> is the order's version.</summary>
    public static string Envelope(string restaurant, long orderId, decimal total, long streamId, string eventId) =>
        $$"""
        {"stream_id":{{streamId}},"event_id":"{{eventId}}","aggregate_type":"order","aggregate_id":"{{orderId}}",
         "event_type":"orderdetails","occurred_at":"2026-03-01T14:00:00+00:00",
         "raw_event":{"source":"petpooja","command_id":null,"raw_payload":
        """ + Callback(restaurant, orderId, total) + "}}";

    private static string Properties(string restaurant, long orderId, decimal total)
    {
        var amount = total.ToString(CultureInfo.InvariantCulture);
        return $$"""
            {"Restaurant":{"restID":"{{restaurant}}","res_name":"Fault test outlet"},
             "Order":{"orderID":{{orderId}},"total":{{amount}},"core_total":{{amount}},"tax_total":0,"discount_total":0,
                      "delivery_charges":0,"packaging_charge":0,"service_charge":0,"round_off":"0","created_on":"2026-03-01 19:30:00",
                      "order_type":"Dine In","order_from":"POS","payment_type":"Cash","status":"Success"},
             "OrderItem":[{"itemid":1,"name":"Classic Tiramisu","quantity":1,"price":{{amount}},"total":{{amount}},"tax":0,"discount":0}]}
            """;
    }
}
