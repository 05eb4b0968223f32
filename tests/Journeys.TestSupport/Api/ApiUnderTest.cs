using System.Text;

namespace Journeys.TestSupport.Api;

/// <summary>
/// One host of the management API as the contract suite sees it: a client per caller (each sends its key the way
/// that host reads keys) and the cleanup that stops the host. The embedded host's clients speak real loopback HTTP;
/// the Functions app's go through an in-test Functions host that routes, checks keys and invokes the functions.
/// </summary>
public sealed class ApiUnderTest(HttpClient admin, HttpClient ingest, HttpClient anonymous, HttpClient wrongKey, Func<ValueTask> stop) : IAsyncDisposable
{
    /// <summary>Mailer token the contract's hosts are configured with: problems and stored bodies must never show it.</summary>
    public const string MailerToken = "mailer-token-for-contract-tests";

    /// <summary>Loyalty key the contract's hosts are configured with.</summary>
    public const string LoyaltyKey = "loyalty-key-for-contract-tests";

    /// <summary>Sends the admin key: may manage and ingest.</summary>
    public HttpClient Admin { get; } = admin;

    /// <summary>Sends the ingest key: may only ingest.</summary>
    public HttpClient Ingest { get; } = ingest;

    /// <summary>Sends no key.</summary>
    public HttpClient Anonymous { get; } = anonymous;

    /// <summary>Sends a key the host does not know.</summary>
    public HttpClient WrongKey { get; } = wrongKey;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> PutAsync(string path, string json, string? ifMatch = null) =>
        SendAsync(HttpMethod.Put, path, json, ifMatch);

    /// <summary>An admin request with an optional JSON body and <c>If-Match</c>.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null) =>
        SendAsync(method, path, json, ifMatch is null ? [] : [("If-Match", ifMatch)]);

    /// <summary>An admin request with an optional JSON body and headers sent as written (not validated by HttpClient).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Admin.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Ingest.Dispose();
        Anonymous.Dispose();
        WrongKey.Dispose();
        await stop();
    }
}
