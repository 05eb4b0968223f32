using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>
/// Counts the HTTP requests the storage clients send, classified by <see cref="StorageRequestKind"/>: a policy at the
/// per-retry position of each client's pipeline, so a retried request counts as often as it is sent (as Azure bills
/// it). The Durable backend's clients get it through the client options DurableTask.AzureStorage accepts, the app's
/// Table stores through their <see cref="TableServiceClient"/>'s options.
/// </summary>
public sealed partial class StorageRequestMeter
{
    public const string EmptyReceive = "receive (empty)";

    private static readonly AsyncLocal<bool> Unmetered = new();
    private static readonly AsyncLocal<StorageCaller?> Attributed = new();

    private readonly ConcurrentDictionary<StorageRequestKind, long> counts = new();
    private readonly string taskHub;

    /// <param name="taskHub">The task hub's name, taken out of resource names (hub "h1": queue h1-workitems → workitems).</param>
    public StorageRequestMeter(string taskHub)
    {
        this.taskHub = taskHub;
    }

    /// <summary>
    /// Leaves the requests made in the caller's async flow until disposal uncounted: the measurement's own reads
    /// (waiting for an instance to reach a node), which no production caller makes.
    /// </summary>
    public static IDisposable Unobserved()
    {
        Unmetered.Value = true;
        return new Scope(() => Unmetered.Value = false);
    }

    /// <summary>
    /// Attributes the requests made in the caller's async flow until disposal to <paramref name="caller"/>: the Durable
    /// client's (on the backend's clients) or ingestion's (on the app's Table client).
    /// </summary>
    public static IDisposable Attribute(StorageCaller caller)
    {
        var previous = Attributed.Value;
        Attributed.Value = caller;
        return new Scope(() => Attributed.Value = previous);
    }

    public QueueClientOptions Queue() => With(new QueueClientOptions(), StorageCaller.Durable, StorageService.Queue);

    public BlobClientOptions Blob() => With(new BlobClientOptions(), StorageCaller.Durable, StorageService.Blob);

    public TableClientOptions Table(StorageCaller caller) => With(new TableClientOptions(), caller, StorageService.Table);

    /// <summary>The counts since the last <see cref="Reset"/>.</summary>
    public IReadOnlyDictionary<StorageRequestKind, long> Snapshot() => new Dictionary<StorageRequestKind, long>(counts);

    public void Reset() => counts.Clear();

    private T With<T>(T options, StorageCaller caller, StorageService service)
        where T : ClientOptions
    {
        options.AddPolicy(new CountingPolicy(this, caller, service), HttpPipelinePosition.PerRetry);
        return options;
    }

    private void Count(StorageCaller caller, StorageService service, HttpMessage message)
    {
        if (Unmetered.Value)
        {
            return;
        }

        // An attribution only narrows its own side: the Durable client is on the backend's clients, ingestion on the app's.
        if (Attributed.Value is { } attributed && IsDurable(attributed) == IsDurable(caller))
        {
            caller = attributed;
        }

        var (resource, operation) = service switch
        {
            StorageService.Queue => ClassifyQueue(message),
            StorageService.Table => ClassifyTable(message),
            _ => ClassifyBlob(message),
        };
        // A refused request costs a transaction too: conflicts (409, 412) are retried work, 404 an existence check.
        if (message.HasResponse && message.Response.Status >= 400)
        {
            operation += " → " + message.Response.Status.ToString(CultureInfo.InvariantCulture);
        }

        counts.AddOrUpdate(new StorageRequestKind(caller, service, resource, operation), 1, (_, count) => count + 1);
    }

    private static bool IsDurable(StorageCaller caller) => caller is StorageCaller.Durable or StorageCaller.DurableClient;

    /// <summary>The path after the account (Azurite addresses path-style: /devstoreaccount1/resource/...).</summary>
    private string[] Segments(HttpMessage message)
    {
        var segments = message.Request.Uri.Path.Trim('/').Split('/').Skip(1).Select(Uri.UnescapeDataString).ToArray();
        return segments.Length == 0 ? [""] : segments;
    }

    private string WithoutHub(string name)
    {
        var rest = name.StartsWith(taskHub, StringComparison.OrdinalIgnoreCase) ? name[taskHub.Length..].TrimStart('-') : name;
        return ControlQueue().IsMatch(rest) ? "control" : rest;
    }

    private (string Resource, string Operation) ClassifyQueue(HttpMessage message)
    {
        var segments = Segments(message);
        var method = message.Request.Method;
        var query = message.Request.Uri.Query;
        var resource = WithoutHub(segments[0]);
        if (segments.Length == 1)
        {
            return (resource, query.Contains("comp=metadata", StringComparison.Ordinal) ? "metadata" : method.Method.ToLowerInvariant() + " queue");
        }

        if (method == RequestMethod.Get)
        {
            if (query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase))
            {
                return (resource, "peek");
            }

            var body = message.HasResponse ? message.Response.Content.ToString() : "";
            return (resource, body.Contains("<QueueMessage>", StringComparison.Ordinal) ? "receive" : EmptyReceive);
        }

        if (method == RequestMethod.Post)
        {
            var delay = VisibilityTimeout().Match(query);
            return (resource, delay.Success && int.Parse(delay.Groups[1].Value, CultureInfo.InvariantCulture) > 0 ? "send delayed" : "send");
        }

        return (resource, method == RequestMethod.Delete ? "delete" : method == RequestMethod.Put ? "update" : method.Method.ToLowerInvariant());
    }

    private (string Resource, string Operation) ClassifyTable(HttpMessage message)
    {
        var segment = Segments(message)[0];
        var method = message.Request.Method;
        if (segment == "$batch")
        {
            // An entity group transaction: one request (billed once) on one table, named in its parts.
            var target = BatchTarget().Match(Body(message.Request));
            return (target.Success ? WithoutHub(target.Groups[1].Value) : "(batch)", "batch");
        }

        if (segment.StartsWith("Tables", StringComparison.Ordinal))
        {
            return ("(tables)", method == RequestMethod.Post ? "create table" : method.Method.ToLowerInvariant() + " table");
        }

        var open = segment.IndexOf('(', StringComparison.Ordinal);
        var table = WithoutHub(open < 0 ? segment : segment[..open]);
        var pointed = open >= 0 && segment.Contains("RowKey=", StringComparison.Ordinal);
        var conditional = message.Request.Headers.TryGetValue("If-Match", out _);
        var operation = method.Method switch
        {
            "GET" => pointed ? "point read" : "query",
            "POST" => "insert",
            "PUT" => conditional ? "replace" : "upsert",
            "PATCH" or "MERGE" => conditional ? "merge" : "upsert (merge)",
            "DELETE" => "delete",
            var other => other.ToLowerInvariant(),
        };
        return (table, operation);
    }

    private (string Resource, string Operation) ClassifyBlob(HttpMessage message)
    {
        var segments = Segments(message);
        var query = message.Request.Uri.Query;
        var resource = WithoutHub(segments[0]);
        if (query.Contains("comp=lease", StringComparison.Ordinal))
        {
            return (resource, "lease " + (message.Request.Headers.TryGetValue("x-ms-lease-action", out var action) ? action : "?"));
        }

        if (query.Contains("comp=list", StringComparison.Ordinal))
        {
            return (resource, "list");
        }

        var target = query.Contains("restype=container", StringComparison.Ordinal) ? " container" : "";
        return (resource, message.Request.Method.Method.ToLowerInvariant() + target);
    }

    private static string Body(Request request)
    {
        using var buffer = new MemoryStream();
        request.Content?.WriteTo(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [GeneratedRegex(@"(?:POST|PUT|MERGE|PATCH|DELETE|GET) https?://[^/\s]+/[^/\s]+/([A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex BatchTarget();

    [GeneratedRegex(@"^control-\d+$")]
    private static partial Regex ControlQueue();

    [GeneratedRegex(@"visibilitytimeout=(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex VisibilityTimeout();

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    private sealed class CountingPolicy(StorageRequestMeter meter, StorageCaller caller, StorageService service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                ProcessNext(message, pipeline);
            }
            finally
            {
                meter.Count(caller, service, message);
            }
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            finally
            {
                meter.Count(caller, service, message);
            }
        }
    }
}
