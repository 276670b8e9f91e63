using System.Globalization;

namespace OrderAnalytics.Simulation.Internal;

/// <summary>A Gurgaon locality with its road distance (km) from the cafe.</summary>
internal sealed record Locality(string Name, double DistanceKm, string Pin);

/// <summary>One customer of the deterministic pool. Phone numbers are fake (prefixes of descending digits).</summary>
internal sealed record Customer(int Index, string FirstName, string LastName, long Phone, Locality Locality, string Address);

internal static class People
{
    public static readonly string[] FirstNames =
    [
        "Aarav", "Aditi", "Advait", "Ananya", "Arjun", "Avni", "Ayaan", "Diya", "Ishaan", "Ira", "Kabir", "Kavya", "Krish",
        "Meera", "Mudita", "Naina", "Neel", "Nisha", "Pari", "Pranav", "Riya", "Rohan", "Saanvi", "Sahil", "Sara", "Shaurya",
        "Siya", "Tanvi", "Vihaan", "Zoya", "Aditya", "Akanksha", "Amit", "Anjali", "Deepak", "Gaurav", "Isha", "Karan",
        "Kriti", "Manish", "Megha", "Neha", "Nikhil", "Pooja", "Priya", "Rahul", "Ritika", "Sakshi", "Shreya", "Simran",
        "Sneha", "Tarun", "Varun", "Vidya", "Yash", "Aisha", "Farhan", "Harleen", "Jasleen", "Gurpreet", "Tenzin", "Anika",
        "Devansh", "Mihir", "Trisha", "Rhea", "Arnav", "Myra", "Reyansh", "Kiara",
    ];

    public static readonly string[] LastNames =
    [
        "Sharma", "Verma", "Gupta", "Malhotra", "Kapoor", "Mehta", "Singh", "Yadav", "Chauhan", "Agarwal", "Bansal", "Jain",
        "Khanna", "Arora", "Sethi", "Bhatia", "Chopra", "Saxena", "Roy", "Das", "Banerjee", "Iyer", "Nair", "Menon", "Reddy",
        "Rao", "Pillai", "Kulkarni", "Deshpande", "Joshi", "Mishra", "Tiwari", "Pandey", "Dubey", "Sinha", "Thakur", "Rawat",
        "Negi", "Bisht", "Ahuja", "Grover", "Sodhi", "Gill", "Dhillon", "Khan", "Qureshi", "D'Souza", "Fernandes", "Bose",
        "Ghosh",
    ];

    public static readonly Locality[] Localities =
    [
        new("Sector 56", 1.5, "122011"),
        new("Sector 54", 2.2, "122011"),
        new("Sector 57", 2.6, "122003"),
        new("Golf Course Road", 3.0, "122002"),
        new("DLF Phase 5", 3.4, "122009"),
        new("Sector 43", 4.0, "122009"),
        new("Golf Course Extension Road", 4.5, "122102"),
        new("Sector 45", 5.0, "122003"),
        new("Sector 65", 5.5, "122101"),
        new("Sector 66", 6.0, "122101"),
        new("DLF Phase 4", 6.0, "122009"),
        new("Sushant Lok 1", 6.2, "122009"),
        new("South City 2", 6.5, "122018"),
        new("Sector 49", 6.5, "122018"),
        new("Sohna Road", 7.0, "122018"),
        new("DLF Phase 1", 7.2, "122002"),
        new("Sector 67", 7.5, "122102"),
        new("Ardee City", 7.5, "122003"),
        new("DLF Phase 2", 8.0, "122002"),
        new("South City 1", 8.0, "122001"),
        new("Nirvana Country", 8.0, "122018"),
        new("Malibu Towne", 8.5, "122018"),
        new("MG Road", 8.5, "122002"),
        new("Sector 29", 9.0, "122001"),
        new("DLF Phase 3", 9.0, "122010"),
        new("Cyber City", 10.0, "122002"),
        new("Sector 82", 13.0, "122004"),
        new("Palam Vihar", 15.0, "122017"),
    ];

    // Relative popularity of localities for delivery (near and dense ones order more).
    private static readonly double[] LocalityCumulative = Demand.Cumulative(
        Localities.Select(l => 10.0 / (2.0 + l.DistanceKm) * (l.Name.StartsWith("DLF", StringComparison.Ordinal) || l.Name.Contains("Golf", StringComparison.Ordinal) ? 1.4 : 1.0)).ToArray());

    private static readonly string[] Towers = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K"];

    // Fake-looking mobile blocks (descending digit runs) inside valid Indian mobile ranges (6-9 first digit).
    private static readonly long[] PhonePrefixes = [98765, 87654, 76543, 97654, 96543, 86543, 95432, 65432];

    public const int MaxPoolSize = 800_000;

    public static Customer CustomerAt(ulong seed, int index)
    {
        var rng = new Rng(Hash.Mix(seed, 0xC0570E5UL, (ulong)index));
        var first = rng.Pick(FirstNames);
        var last = rng.Pick(LastNames);
        var phone = PhonePrefixes[index / 100_000 % PhonePrefixes.Length] * 100_000L + index % 100_000;
        var locality = Localities[rng.PickCumulative(LocalityCumulative)];
        var address = rng.Next(3) switch
        {
            0 => $"Flat {rng.Range(1, 22)}{rng.Range(1, 8):00}, Tower {rng.Pick(Towers)}, {locality.Name}, Gurgaon Delhi NCR India",
            1 => $"House {rng.Range(1, 2999)}, {locality.Name}, Gurugram, Haryana {locality.Pin}",
            _ => $"{rng.Range(1, 900)}, Block {rng.Pick(Towers)}, {locality.Name}, Gurgaon Delhi NCR India",
        };
        return new Customer(index, first, last, phone, locality, address);
    }

    /// <summary>The same phone written the ways real orders write it.</summary>
    public static string FormatPhone(long phone, Rng rng)
    {
        var s = phone.ToString(CultureInfo.InvariantCulture);
        return rng.Next(20) switch
        {
            < 4 => "+91 " + s[..5] + " " + s[5..],
            < 7 => "+91" + s,
            < 10 => "0" + s,
            < 17 => s,
            < 19 => "91-" + s,
            _ => "+91 " + s,
        };
    }

    public static readonly string[] StaffNames = ["Rohit", "Sunil", "Pinky", "Mohan", "Asif", "Kamal", "Deepa"];
    public static readonly string[] RiderNames = ["Raju", "Sonu", "Vikas", "Imran", "Bablu", "Ajay"];
}

/// <summary>A simulated outlet.</summary>
/// <param name="Index">0-based position (0 is the original Dach &amp; Nona cafe).</param>
/// <param name="RestId">PetPooja restID.</param>
/// <param name="Name">res_name.</param>
/// <param name="Address">Restaurant address.</param>
/// <param name="Contact">contact_information (a fake number).</param>
/// <param name="Volume">Relative order volume (1.0 for the original cafe).</param>
/// <param name="FirstOrderId">First orderID this outlet's PetPooja issues (outlets overlap on purpose).</param>
public sealed record RestaurantInfo(int Index, string RestId, string Name, string Address, string Contact, double Volume, long FirstOrderId)
{
    private static readonly (string Suffix, string Address, double Volume)[] Outlets =
    [
        ("", "Shop 4, Ground Floor, Sector 56 Market, Gurugram, Haryana 122011", 1.0),
        (" - Golf Course Road", "Unit 12, Galleria Lane, DLF Phase 4, Gurugram, Haryana 122009", 0.85),
        (" - Cyber Hub", "Kiosk 7, Cyber Hub, DLF Cyber City, Gurugram, Haryana 122002", 1.1),
        (" - Sohna Road", "SCO 21, Sohna Road, Sector 49, Gurugram, Haryana 122018", 0.7),
        (" - South City", "Shop 9, South City 1 Market, Gurugram, Haryana 122001", 0.8),
    ];

    internal static RestaurantInfo Create(int index)
    {
        var o = Outlets[index % Outlets.Length];
        var suffix = index < Outlets.Length ? o.Suffix : o.Suffix + " " + (index / Outlets.Length + 1).ToString(CultureInfo.InvariantCulture);
        var restId = index == 0 ? "1c8w7fp500" : RestIdFor(index);
        var contact = (9_876_500_000L + 11L * (index + 1)).ToString(CultureInfo.InvariantCulture);
        var firstOrderId = index == 0 ? 1 : 1 + 37L * index;
        return new RestaurantInfo(index, restId, "Dach & Nona" + suffix, o.Address, contact, o.Volume, firstOrderId);
    }

    private static string RestIdFor(int index)
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        var h = Hash.Mix(0x5E57UL, (ulong)index);
        Span<char> c = stackalloc char[10];
        for (var i = 0; i < c.Length; i++)
        {
            c[i] = alphabet[(int)(h % 36)];
            h /= 36;
            if (h == 0) h = Hash.Mix((ulong)index, (ulong)i);
        }
        return new string(c);
    }
}
