namespace OrderAnalytics.Predictions.Tests;

public class IndianHolidayCalendarTests
{
    private static readonly IndianHolidayCalendar Calendar = IndianHolidayCalendar.Default;

    [Theory]
    [InlineData("2024-10-31", "Diwali")]
    [InlineData("2025-10-20", "Diwali")]
    [InlineData("2026-11-08", "Diwali")]
    [InlineData("2027-10-29", "Diwali")]
    [InlineData("2024-03-25", "Holi")]
    [InlineData("2025-03-14", "Holi")]
    [InlineData("2026-03-04", "Holi")]
    [InlineData("2024-10-12", "Dussehra")]
    [InlineData("2025-10-02", "Dussehra")]
    [InlineData("2026-10-20", "Dussehra")]
    [InlineData("2024-08-19", "Raksha Bandhan")]
    [InlineData("2025-08-09", "Raksha Bandhan")]
    [InlineData("2026-08-28", "Raksha Bandhan")]
    [InlineData("2025-08-16", "Janmashtami")]
    [InlineData("2026-09-04", "Janmashtami")]
    [InlineData("2024-04-11", "Eid al-Fitr")]
    [InlineData("2025-03-31", "Eid al-Fitr")]
    [InlineData("2026-03-21", "Eid al-Fitr")]
    [InlineData("2025-01-26", "Republic Day")]
    [InlineData("2027-08-15", "Independence Day")]
    [InlineData("2026-12-25", "Christmas")]
    [InlineData("2025-12-31", "New Year's Eve")]
    public void NamesOn_KnownFestivalDates_ListTheFestival(string date, string name)
    {
        Assert.Contains(name, Calendar.NamesOn(DateOnly.Parse(date)));
    }

    [Fact]
    public void Default_EveryYear2024To2027_HasTheMajorEvents()
    {
        string[] required =
        [
            "Diwali", "Holi", "Navratri", "Dussehra", "Raksha Bandhan", "Janmashtami", "Eid al-Fitr",
            "Christmas", "New Year's Eve", "Republic Day", "Independence Day",
        ];
        for (int year = 2024; year <= 2027; year++)
            foreach (var name in required)
                Assert.Single(Calendar.Holidays, h => h.Name == name && h.Date.Year == year);
        Assert.Equal((2024, 2027), Calendar.CoveredYears);
    }

    [Fact]
    public void Default_Navratri_EndsTheDayBeforeDussehra()
    {
        // Dussehra (Vijayadashami) is the tenth day, right after the nine (in 2025 ten) nights of Navratri
        foreach (var navratri in Calendar.Holidays.Where(h => h.Name == "Navratri"))
        {
            var dussehra = Calendar.Holidays.Single(h => h.Name == "Dussehra" && h.Date.Year == navratri.Date.Year);
            Assert.Equal(dussehra.Date, navratri.LastDate.AddDays(1));
            Assert.InRange(navratri.Days, 9, 10);
        }
    }

    [Fact]
    public void Default_Diwali_ComesTwoDaysAfterDhanteras()
    {
        foreach (var diwali in Calendar.Holidays.Where(h => h.Name == "Diwali"))
        {
            var dhanteras = Calendar.Holidays.Single(h => h.Name == "Dhanteras" && h.Date.Year == diwali.Date.Year);
            Assert.Equal(2, diwali.Date.DayNumber - dhanteras.Date.DayNumber);
        }
    }

    [Fact]
    public void Parse_CommentsHeaderAndMultiDaySpan_AreRead()
    {
        var calendar = IndianHolidayCalendar.Parse(new StringReader(
            "# comment\ndate,name,category,days\n2030-01-01,Test Fest,festival,3\n2030-02-01,One Day\n"));
        Assert.Equal(2, calendar.Holidays.Count);
        Assert.Contains("Test Fest", calendar.NamesOn(new DateOnly(2030, 1, 3)));
        Assert.Empty(calendar.NamesOn(new DateOnly(2030, 1, 4)));
        Assert.Equal(1, calendar.Holidays[1].Days);
    }

    [Fact]
    public void Parse_MalformedLine_Throws()
    {
        Assert.Throws<FormatException>(() => IndianHolidayCalendar.Parse(new StringReader("date,name\nnot-a-line\n")));
    }
}
