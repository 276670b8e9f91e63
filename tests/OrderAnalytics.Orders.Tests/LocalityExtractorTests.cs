namespace OrderAnalytics.Orders.Tests;

public class LocalityExtractorTests
{
    private readonly LocalityExtractor _extractor = LocalityExtractor.Default;

    [Theory]
    [InlineData("Sector 66, Gurgaon Delhi NCR India", "Sector 66")]
    [InlineData("Flat 1203, Tower B, M3M Merlin, Sector-67, Gurugram, Haryana 122102", "Sector 67")]
    [InlineData("H.No. 45, sec 56 gurgaon", "Sector 56")]
    [InlineData("House 12,Sector56,Gurgaon", "Sector 56")]
    [InlineData("B-22, Sector 23A, Gurugram", "Sector 23A")]
    [InlineData("Plot 5, Sec.10a, Gurgaon", "Sector 10A")]
    [InlineData("A-14, Ground Floor, DLF Phase 3, Gurgaon", "DLF Phase 3")]
    [InlineData("U-12/7, DLF Phase-III, Gurugram", "DLF Phase 3")]
    [InlineData("K-21, DLF City Phase II, Gurgaon, Haryana", "DLF Phase 2")]
    [InlineData("Block C, dlf ph 5, golf course road", "DLF Phase 5")]
    [InlineData("Tower 4, The Crest, Golf Course Road, Gurgaon", "Golf Course Road")]
    [InlineData("Ireo Victory Valley, Golf Course Extension Road, Gurugram", "Golf Course Extension Road")]
    [InlineData("Flat 9, Vipul Greens, Sohna Road, Gurgaon", "Sohna Road")]
    [InlineData("House 332, South City 1, Gurgaon", "South City 1")]
    [InlineData("F-12, South City-II, Gurugram 122018", "South City 2")]
    [InlineData("C-5/12, Palam Vihar, Gurgaon", "Palam Vihar")]
    [InlineData("H 101, Palam Vihar Extn, Gurugram", "Palam Vihar Extension")]
    [InlineData("J-11, Nirvana Country, Gurgaon", "Nirvana Country")]
    [InlineData("C-1234 Sushant Lok 1, Gurgaon", "Sushant Lok 1")]
    [InlineData("B Block, Sushant Lok Phase-II, Gurugram", "Sushant Lok 2")]
    [InlineData("Tower 3, Malibu Town, Gurgaon", "Malibu Towne")]
    [InlineData("Building 10B, DLF Cyber City, Gurugram", "DLF Cyber City")]
    [InlineData("Plot 88, Udyog Vihar Phase 4, Gurgaon", "Udyog Vihar Phase 4")]
    [InlineData("Office 3, M.G. Road, Gurgaon", "MG Road")]
    [InlineData("Flat 2, Ardee City, Gurugram", "Ardee City")]
    [InlineData("Villa 7, Nirvana Country, Sector 50, Gurgaon", "Sector 50")]
    [InlineData("ATS Triumph, Sector 104, Dwarka Expressway, Gurugram", "Sector 104")]
    [InlineData("Tower 2, Dwarka Expressway, Gurugram", "Dwarka Expressway")]
    [InlineData("IMT Manesar, Gurgaon", "Manesar")]
    [InlineData("Near bus stand, Sohna, Haryana", "Sohna")]
    [InlineData("New Palam Vihar Phase 2, Gurgaon", "New Palam Vihar")]
    public void Extract_RealisticGurgaonAddress_GivesCanonicalLocality(string address, string expected)
    {
        Assert.Equal(expected, _extractor.Extract(address));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Gurgaon Delhi NCR India")]
    [InlineData("House 2173, Ramgarh Dhani, Haryana")]
    [InlineData("Sector 18, Noida, Uttar Pradesh")]
    [InlineData("Sector 12, Dwarka, New Delhi")]
    [InlineData("Sector 999, Gurgaon")]
    [InlineData("DLF Park Place, Gurgaon")]
    [InlineData("second floor, section B")]
    [InlineData("'; DROP TABLE localities;--")]
    public void Extract_NoKnownLocality_GivesNull(string? address)
    {
        Assert.Null(_extractor.Extract(address));
    }

    [Fact]
    public void Extract_NoidaSectorButAlsoGurgaon_TrustsGurgaon()
    {
        Assert.Equal("Sector 18", _extractor.Extract("Sector 18, near Noida toll, Gurugram"));
    }

    [Fact]
    public void Extract_HugeAddress_DoesNotThrow()
    {
        Assert.Null(_extractor.Extract(new string('x', 1_000_000)));
        Assert.Equal("Sector 5", _extractor.Extract("Sector 5 " + new string('y', 1_000_000)));
    }

    [Fact]
    public void NormaliseForKey_LowerCases()
    {
        Assert.Equal("dlf phase 3", LocalityExtractor.NormaliseForKey("DLF Phase 3"));
    }
}
