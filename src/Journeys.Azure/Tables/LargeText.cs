using Azure.Data.Tables;

namespace Journeys.Azure.Tables;

/// <summary>
/// Text longer than one property allows (64 KiB of UTF-16 per string property) split over numbered properties
/// <c>{name}0</c>, <c>{name}1</c>… of one entity (at most 1 MiB in all, so about 450,000 characters).
/// </summary>
public static class LargeText
{
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 15;

    public static void Write(TableEntity entity, string name, string text)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(text);
        var chunks = Math.Max(1, (text.Length + ChunkChars - 1) / ChunkChars);
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"A {name} of {text.Length} characters does not fit in one table entity.");
        }

        for (var i = 0; i < chunks; i++)
        {
            var start = i * ChunkChars;
            entity[name + i] = text.Substring(start, Math.Min(ChunkChars, text.Length - start));
        }

        entity[name + "Chunks"] = chunks;
    }

    public static string Read(TableEntity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var chunks = entity.GetInt32(name + "Chunks") ?? 0;
        return string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(name + i)));
    }
}
