using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Journeys.Core.Execution;

/// <summary>
/// The visit counts of one step's new state: one array of entries kept in ordinal key order, which is the order
/// <see cref="InstanceState.Visits"/> must enumerate (and serialise) in. A step copies the previous counts once and
/// increments in place; once the step's state is built the instance is never changed again.
/// </summary>
internal sealed class NodeVisits : IReadOnlyDictionary<string, int>
{
    private KeyValuePair<string, int>[] entries;
    private int count;

    private NodeVisits(KeyValuePair<string, int>[] entries, int count)
    {
        this.entries = entries;
        this.count = count;
    }

    public int Count => count;

    public IEnumerable<string> Keys => entries.Take(count).Select(static entry => entry.Key);

    public IEnumerable<int> Values => entries.Take(count).Select(static entry => entry.Value);

    public int this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Node '{key}' was never visited.");

    /// <summary>A private copy of <paramref name="source"/> (any dictionary; its order does not matter), with room for new nodes.</summary>
    public static NodeVisits CopyOf(IReadOnlyDictionary<string, int> source)
    {
        // A step usually enters one or two new nodes.
        var entries = new KeyValuePair<string, int>[source.Count + 2];
        if (source is NodeVisits visits)
        {
            Array.Copy(visits.entries, entries, visits.count);
            return new NodeVisits(entries, visits.count);
        }

        var n = 0;
        foreach (var entry in source)
        {
            entries[n++] = entry;
        }

        Array.Sort(entries, 0, n, KeyOrder.Instance);
        return new NodeVisits(entries, n);
    }

    /// <summary>Adds one visit of <paramref name="nodeId"/>.</summary>
    public void Increment(string nodeId)
    {
        var index = Find(nodeId);
        if (index >= 0)
        {
            entries[index] = new(nodeId, entries[index].Value + 1);
            return;
        }

        index = ~index;
        if (count == entries.Length)
        {
            Array.Resize(ref entries, count * 2);
        }

        Array.Copy(entries, index, entries, index + 1, count - index);
        entries[index] = new(nodeId, 1);
        count++;
    }

    public bool ContainsKey(string key) => Find(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value)
    {
        var index = Find(key);
        value = index >= 0 ? entries[index].Value : 0;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return entries[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The index of <paramref name="key"/>, or the complement of where it would go (as <see cref="Array.BinarySearch(Array, object)"/>).</summary>
    private int Find(string key)
    {
        int low = 0, high = count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(entries[middle].Key, key);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }

    /// <summary>Ordinal order of keys, for sorting a copied dictionary.</summary>
    private sealed class KeyOrder : IComparer<KeyValuePair<string, int>>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(KeyValuePair<string, int> x, KeyValuePair<string, int> y) => string.CompareOrdinal(x.Key, y.Key);
    }
}
