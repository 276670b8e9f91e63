using System.Numerics;

namespace OrderAnalytics.Simulation.Internal;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator (not <see cref="Random"/>) so that a seed
/// produces the same stream on every runtime version.
/// </summary>
internal sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(ulong seed)
    {
        var x = seed;
        _s0 = Hash.SplitMix(ref x);
        _s1 = Hash.SplitMix(ref x);
        _s2 = Hash.SplitMix(ref x);
        _s3 = Hash.SplitMix(ref x);
    }

    public ulong NextULong()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(((NextULong() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>Uniform in [minInclusive, maxInclusive].</summary>
    public int Range(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    public double Range(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double p) => p > 0 && NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Standard normal (Box-Muller, one value per call).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Poisson sample: exact for small means, normal approximation above 40.</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 40) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));
        var l = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= NextDouble();
        } while (p > l);
        return k - 1;
    }

    /// <summary>Index drawn from a cumulative weight table (ascending, last = total).</summary>
    public int PickCumulative(double[] cumulative)
    {
        var x = NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        if (i < 0) i = ~i;
        else i++; // exact hit on a boundary belongs to the next bucket
        return Math.Min(i, cumulative.Length - 1);
    }
}

internal static class Hash
{
    public static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Mix(ulong a)
    {
        var x = a;
        return SplitMix(ref x);
    }

    public static ulong Mix(ulong a, ulong b) => Mix(Mix(a) ^ (b * 0xD6E8FEB86659FD93UL + 0x2545F4914F6CDD1DUL));

    public static ulong Mix(ulong a, ulong b, ulong c) => Mix(Mix(a, b), c);

    public static ulong Mix(ulong a, ulong b, ulong c, ulong d) => Mix(Mix(a, b, c), d);

    /// <summary>Stable (runtime-independent) hash of a string: FNV-1a 64 then mixed.</summary>
    public static ulong Of(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in s)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }
        return Mix(h);
    }

    public static ulong Salt(string s) => Of(s);
}
