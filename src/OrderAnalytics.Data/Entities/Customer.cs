namespace OrderAnalytics.Data.Entities;

/// <summary>A deduplicated customer of one restaurant. Name, phone and address are personal data (admins only).</summary>
public sealed class Customer
{
    public long CustomerId { get; set; }
    public long RestaurantId { get; set; }
    /// <summary>Dedup key: "phone:+91…" or "name:…|locality". Unique per restaurant.</summary>
    public required string CustomerKey { get; set; }
    /// <summary>Keyed HMAC of the key: what analysts see instead of the person.</summary>
    public required string Pseudonym { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? Locality { get; set; }
    public string? Gstin { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
