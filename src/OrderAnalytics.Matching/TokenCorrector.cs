using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using FuzzySharp;

namespace OrderAnalytics.Matching;

/// <summary>
/// Fixes one-letter slips in single words ("Pitsachio", "Egglses", "Ice Crem") against the menu's own
/// vocabulary, before the exact tiers run. Word-level on purpose: a slip inside "Eggless" must be repaired
/// before the egg guard compares words, and a whole-name fuzzy score cannot tell which word carried it.
/// Only words missing from the vocabulary are touched, and only towards one clearly closest word.
/// </summary>
internal sealed partial class TokenCorrector
{
    private const int MinLength = 4;        // shorter words are too easy to turn into another real word
    private const int MinSimilarity = 80;   // FuzzySharp ratio: one inserted/deleted/swapped letter in 5+ letters

    private readonly FrozenSet<string> _vocabulary;
    private readonly string[] _words;
    private readonly ConcurrentDictionary<string, string> _memo = new(StringComparer.Ordinal);

    public TokenCorrector(IEnumerable<string> vocabulary)
    {
        _vocabulary = vocabulary.Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        _words = _vocabulary.Where(w => w.Length >= 3 && w.All(char.IsAsciiLetterLower)).ToArray();
    }

    /// <summary>True for a word the menu (or the size grammar) uses.</summary>
    public bool IsKnown(string word) => _vocabulary.Contains(word);

    /// <summary>Returns the text with unknown words replaced; <paramref name="corrections"/> counts replacements.</summary>
    public string Correct(string prepared, out int corrections)
    {
        var count = 0;
        var result = Word().Replace(prepared, m =>
        {
            var fixedWord = _memo.GetOrAdd(m.Value, Closest);
            if (!ReferenceEquals(fixedWord, m.Value) && fixedWord != m.Value) count++;
            return fixedWord;
        });
        corrections = count;
        return result;
    }

    private string Closest(string word)
    {
        if (word.Length < MinLength || _vocabulary.Contains(word)) return word;
        string? best = null;
        int bestScore = 0, secondScore = 0;
        foreach (var candidate in _words)
        {
            if (Math.Abs(candidate.Length - word.Length) > 2) continue;
            var score = Fuzz.Ratio(word, candidate);
            if (score > bestScore) { secondScore = bestScore; bestScore = score; best = candidate; }
            else if (score > secondScore) secondScore = score;
        }
        // A tie means the slip could be either word: leave it to the fuzzy stage and review.
        return best is not null && bestScore >= MinSimilarity && bestScore > secondScore ? best : word;
    }

    [GeneratedRegex(@"(?<![a-z0-9])[a-z]+(?![a-z0-9])")] private static partial Regex Word();
}
