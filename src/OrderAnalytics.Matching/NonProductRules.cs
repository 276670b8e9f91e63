using System.Text.RegularExpressions;

namespace OrderAnalytics.Matching;

/// <summary>
/// Lines that are not something the cafe sells as food or drink: delivery, packaging, serving cups, factory
/// visits. The menu marks some as Extra/Service, but Extra also holds real products (waffle cones, fudge
/// sauce), so Extra alone does not decide.
/// </summary>
public static partial class NonProductRules
{
    /// <summary>True when a normalised name reads as a non-product line.</summary>
    public static bool IsNonProductName(string normalisedName) => Keywords().IsMatch(normalisedName);

    public static bool IsNonProduct(MenuItem item) =>
        item.Type.Equals("Service", StringComparison.OrdinalIgnoreCase)
        || IsNonProductName(NameNormaliser.Normalise(item.Name));

    [GeneratedRegex(@"\b(?:delivery|charges?|packaging|packing|thermocol|dry ice|carry bag|factory visit|service charge|tip)\b|^(?:takeaway |paper |extra )?cups?$")]
    private static partial Regex Keywords();
}
