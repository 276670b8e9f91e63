namespace OrderAnalytics.Data.Entities;

public sealed class Restaurant
{
    public long RestaurantId { get; set; }
    public required string PetpoojaRestid { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? ContactInfo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
