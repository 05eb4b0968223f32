using System.Buffers;
using System.Text.Json;

namespace Journeys.Core.Execution;

/// <summary>
/// A JSON writer over a growable buffer, reused per thread so that building the state's small JSON objects does
/// not allocate a writer and a buffer every time. Rent, write, <see cref="ToElement"/>, dispose (which hands it
/// back). A nested rent while one is out simply gets a fresh instance, so reuse is never shared.
/// </summary>
internal sealed class JsonScratch : IDisposable
{
    /// <summary>Buffers that grew past this (a huge action response) are dropped instead of kept per thread.</summary>
    private const int MaxRetainedBytes = 64 * 1024;

    [ThreadStatic]
    private static JsonScratch? cached;

    private readonly ArrayBufferWriter<byte> buffer = new(512);

    private JsonScratch()
    {
        // Structural validation is skipped: every write is checked once anyway, when ToElement parses the bytes.
        Writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
    }

    public Utf8JsonWriter Writer { get; }

    public static JsonScratch Rent()
    {
        var scratch = cached ?? new JsonScratch();
        cached = null;
        return scratch;
    }

    /// <summary>
    /// The written value as a self-contained element: <see cref="JsonElement.Parse(ReadOnlySpan{byte}, JsonDocumentOptions)"/>
    /// copies exactly the written bytes once into a document that needs no disposal (no pooled document to clone,
    /// and unlike <c>ParseValue</c> over a reader it scans the bytes once).
    /// </summary>
    public JsonElement ToElement()
    {
        Writer.Flush();
        return JsonElement.Parse(buffer.WrittenSpan);
    }

    public void Dispose()
    {
        Writer.Reset();
        if (buffer.Capacity <= MaxRetainedBytes)
        {
            buffer.ResetWrittenCount();
            cached = this;
        }
    }
}
