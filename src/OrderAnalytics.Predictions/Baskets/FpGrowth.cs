namespace OrderAnalytics.Predictions;

/// <summary>A set of items bought together in Count orders (Support = Count / orders). Items sorted ordinally.</summary>
public sealed record FrequentItemset(IReadOnlyList<string> Items, int Count, double Support);

/// <summary>
/// FP-Growth (Han, Pei and Yin 2000): compress the orders into a prefix tree of items in descending
/// frequency, then mine each item's conditional tree recursively. Unlike Apriori it never generates
/// candidate sets, so it stays fast on long tails of rare items.
/// </summary>
public static class FpGrowth
{
    public static IReadOnlyList<FrequentItemset> Mine(IReadOnlyList<IReadOnlyCollection<string>> transactions, int minCount, int maxSize = int.MaxValue)
    {
        if (minCount < 1) throw new ArgumentOutOfRangeException(nameof(minCount), "Minimum count must be at least 1.");
        int total = transactions.Count;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in transactions)
            foreach (var item in t.Distinct(StringComparer.Ordinal))
                counts[item] = counts.GetValueOrDefault(item) + 1;

        // item ids in descending frequency (ties by name, so results are deterministic)
        var names = counts.Where(kv => kv.Value >= minCount)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).ToArray();
        var id = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

        var weighted = transactions
            .Select(t => (Items: t.Where(id.ContainsKey).Select(n => id[n]).Distinct().OrderBy(i => i).ToArray(), Count: 1))
            .Where(t => t.Items.Length > 0)
            .ToList();
        var results = new List<FrequentItemset>();
        MineTree(Tree.Build(weighted, names.Length), [], minCount, maxSize, names, total, results);
        return results
            .OrderByDescending(r => r.Count).ThenBy(r => r.Items.Count).ThenBy(r => string.Join('\u001f', r.Items), StringComparer.Ordinal)
            .ToList();
    }

    private static void MineTree(Tree tree, List<int> suffix, int minCount, int maxSize, string[] names, int total, List<FrequentItemset> results)
    {
        // least frequent item first: its conditional base is the smallest
        for (int item = tree.Heads.Length - 1; item >= 0; item--)
        {
            int support = 0;
            foreach (var node in tree.Heads[item]) support += node.Count;
            if (support < minCount) continue;
            var itemset = new List<int>(suffix) { item };
            var labels = itemset.Select(i => names[i]).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            results.Add(new FrequentItemset(labels, support, (double)support / total));
            if (itemset.Count >= maxSize) continue;

            // conditional pattern base: the path above each node of this item, weighted by the node's count
            var patterns = new List<(int[] Items, int Count)>();
            foreach (var node in tree.Heads[item])
            {
                var path = new List<int>();
                for (var p = node.Parent; p is not null && p.Item >= 0; p = p.Parent) path.Add(p.Item);
                if (path.Count == 0) continue;
                path.Reverse();
                patterns.Add((path.ToArray(), node.Count));
            }
            if (patterns.Count == 0) continue;
            var local = new int[tree.Heads.Length];
            foreach (var (items, count) in patterns)
                foreach (var i in items) local[i] += count;
            var pruned = patterns
                .Select(p => (Items: p.Items.Where(i => local[i] >= minCount).ToArray(), p.Count))
                .Where(p => p.Items.Length > 0)
                .ToList();
            if (pruned.Count > 0) MineTree(Tree.Build(pruned, tree.Heads.Length), itemset, minCount, maxSize, names, total, results);
        }
    }

    private sealed class Node(int item, Node? parent)
    {
        public int Item { get; } = item;
        public Node? Parent { get; } = parent;
        public int Count { get; set; }
        public Dictionary<int, Node> Children { get; } = new();
    }

    private sealed class Tree
    {
        private Tree(List<Node>[] heads) => Heads = heads;

        /// <summary>Per item id, every node carrying it (the header table's node links).</summary>
        public List<Node>[] Heads { get; }

        /// <summary>Items in each transaction must be sorted by id (= descending global frequency).</summary>
        public static Tree Build(IEnumerable<(int[] Items, int Count)> transactions, int itemCount)
        {
            var heads = new List<Node>[itemCount];
            for (int i = 0; i < itemCount; i++) heads[i] = new List<Node>();
            var root = new Node(-1, null);
            foreach (var (items, count) in transactions)
            {
                var node = root;
                foreach (var item in items)
                {
                    if (!node.Children.TryGetValue(item, out var child))
                    {
                        child = new Node(item, node);
                        node.Children[item] = child;
                        heads[item].Add(child);
                    }
                    child.Count += count;
                    node = child;
                }
            }
            return new Tree(heads);
        }
    }
}
