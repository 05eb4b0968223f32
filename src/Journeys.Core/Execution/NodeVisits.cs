using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Journeys.Execution;

/// <summary>
/// The visit counts of one step's new state: two parallel arrays kept in ordinal key order, which is the order
/// <see cref="InstanceState.Visits"/> must enumerate (and serialise) in. A step copies the previous counts once and
/// increments in place; once the step's state is built the instance is never changed again.
/// </summary>
internal sealed class NodeVisits : IReadOnlyDictionary<string, int>
{
    private string[] keys;
    private int[] counts;
    private int count;

    private NodeVisits(string[] keys, int[] counts, int count)
    {
        this.keys = keys;
        this.counts = counts;
        this.count = count;
    }

    public int Count => count;

    public IEnumerable<string> Keys => keys.Take(count);

    public IEnumerable<int> Values => counts.Take(count);

    public int this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Node '{key}' was never visited.");

    /// <summary>A private, growable copy of <paramref name="source"/> (any dictionary; its order does not matter).</summary>
    public static NodeVisits CopyOf(IReadOnlyDictionary<string, int> source)
    {
        var capacity = source.Count + 4;
        var keys = new string[capacity];
        var counts = new int[capacity];
        if (source is NodeVisits visits)
        {
            Array.Copy(visits.keys, keys, visits.count);
            Array.Copy(visits.counts, counts, visits.count);
            return new NodeVisits(keys, counts, visits.count);
        }

        var n = 0;
        foreach (var (key, value) in source)
        {
            keys[n] = key;
            counts[n] = value;
            n++;
        }

        Array.Sort(keys, counts, 0, n, StringComparer.Ordinal);
        return new NodeVisits(keys, counts, n);
    }

    /// <summary>Adds one visit of <paramref name="nodeId"/>.</summary>
    public void Increment(string nodeId)
    {
        var index = Array.BinarySearch(keys, 0, count, nodeId, StringComparer.Ordinal);
        if (index >= 0)
        {
            counts[index]++;
            return;
        }

        index = ~index;
        if (count == keys.Length)
        {
            Array.Resize(ref keys, count * 2);
            Array.Resize(ref counts, count * 2);
        }

        Array.Copy(keys, index, keys, index + 1, count - index);
        Array.Copy(counts, index, counts, index + 1, count - index);
        keys[index] = nodeId;
        counts[index] = 1;
        count++;
    }

    public bool ContainsKey(string key) => Array.BinarySearch(keys, 0, count, key, StringComparer.Ordinal) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value)
    {
        var index = Array.BinarySearch(keys, 0, count, key, StringComparer.Ordinal);
        value = index >= 0 ? counts[index] : 0;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return new(keys[i], counts[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
