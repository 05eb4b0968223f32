using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Journeys.Reliability.Tests.BadInput;

/// <summary>
/// FsCheck generators of malformed and hostile requests. Every generated request is invalid by the contract (SPEC §2,
/// §6 and docs/decisions.md) — a wrong type, an unknown field, an expression that cannot compile, broken JSON or
/// UTF-8, nesting past the limits, an oversized body, a bad id or media type — so the only right answer is a 4xx.
/// Events that are well-formed JSON but break their definition are answered 200 with an invalidEvent discard.
/// </summary>
internal static class HostileInputs
{
    /// <summary>Expression text that must never compile: statements, templates, unbalanced or runaway input.</summary>
    public static readonly string[] Injections =
    [
        "1; DROP TABLE instances",
        "type == 'cart.abandoned'; DELETE FROM catalog; --",
        "{{ params.x }}",
        "{{params.email}}",
        "${jndi:ldap://127.0.0.1/x}",
        "type == 'x' || (((((",
        "__import__('os').system('id')",
        "eval(\"1\")",
        "type = 'x'",
        "type == 'a' && ",
        "'unterminated",
        "\u0000",
        "type ==\u0001'x'",
        "`whoami`",
        "<script>alert(1)</script>",
        new string('(', 200) + "true" + new string(')', 200),
        new string('!', 3000) + "true",
        new string('-', 3000) + "1",
        "type == '" + new string('x', 5000) + "'",
        string.Concat(Enumerable.Repeat("[", 100)) + "1" + string.Concat(Enumerable.Repeat("]", 100)),
        string.Concat(Enumerable.Repeat("lower(", 80)) + "type" + new string(')', 80),
        "nosuchfunction(type)",
        "type.nosuchmethod()",
    ];

    /// <summary>Values that are the wrong JSON type for the field they replace (all fields named here are typed objects, strings, arrays or numbers).</summary>
    private static readonly (string Kind, string Field, string[] Values)[] WrongTypes =
    [
        ("events", "match", ["42", "[]", "{}", "true"]),
        ("events", "profileId", ["42", "[\"customer.id\"]", "{}"]),
        ("events", "eventKey", ["[]", "false"]),
        ("events", "fields", ["[]", "\"id\"", "{ \"id\": \"uuid\" }", "{ \"id\": 42 }"]),
        ("events", "required", ["\"id\"", "[1, 2]", "{}"]),
        ("datasources", "baseUrl", ["42", "[]", "\"not a url\""]),
        ("datasources", "timeoutMs", ["\"soon\"", "-5", "[]"]),
        ("datasources", "rateLimitPerSecond", ["\"many\"", "{}"]),
        ("datasources", "fieldGroups", ["[]", "\"tier\"", "{ \"tier\": 1 }"]),
        ("datasources", "auth", ["\"apiKey\"", "{ \"type\": \"magic\" }", "[]"]),
        ("actions", "method", ["\"TRACE\"", "42", "\"GET POST\""]),
        ("actions", "url", ["42", "[]", "\"ftp://127.0.0.1/x\""]),
        ("actions", "params", ["[]", "{ \"email\": \"uuid\" }", "\"email\""]),
        ("actions", "maxRetries", ["-1", "\"three\"", "1.5"]),
        ("actions", "timeoutMs", ["\"long\"", "-1", "{}"]),
        ("actions", "capPerMinute", ["\"lots\"", "-3"]),
        ("actions", "headers", ["[]", "\"x\"", "{ \"x-a\": 1 }"]),
        ("actions", "auth", ["{ \"type\": \"magic\" }", "true"]),
        ("journeys", "nodes", ["[]", "\"x\"", "{ \"a\": 1 }"]),
        ("journeys", "start", ["42", "[]"]),
        ("journeys", "reentry", ["\"yes\"", "[]", "{ \"allowed\": \"sometimes\" }"]),
        ("journeys", "timeoutSeconds", ["\"soon\"", "[]"]),
        ("journeys", "entry", ["{}", "7"]),
    ];

    /// <summary>Fields validated on PUT whose value is an expression.</summary>
    private static readonly (string Kind, string Field)[] ExpressionFields =
    [
        ("events", "match"),
        ("events", "profileId"),
        ("events", "eventKey"),
    ];

    public static Gen<HostileRequest> Configuration(IReadOnlyDictionary<string, (string Id, string Body)> samples) =>
        Gen.Frequency(
            (4, WrongType(samples)),
            (3, Injection(samples)),
            (2, UnknownProperty(samples)),
            (2, Gen.Elements(samples.Keys.ToArray()).SelectMany(kind => Broken(samples[kind].Body).Select(b => b with { Path = $"/api/{kind}/{samples[kind].Id}" }))),
            (1, BadId(samples)),
            (1, BadMediaType(samples)));

    public static Gen<HostileRequest> Ingest() =>
        Gen.Frequency(
            (5, InvalidEvents()),
            (2, Broken(Cart("ok-1", "c1", "k1", "10")).Select(b => b with { Method = "POST", Path = "/api/ingest" })),
            (1, Gen.Elements("42", "\"cart\"", "null", "true").Select(root => Request("POST", "/api/ingest", root, "the root is not an object or array"))),
            (1, Gen.Elements("text/plain", "application/xml", "application/json; charset=iso-8859-1").Select(type => Request("POST", "/api/ingest", Cart("mt-1", "c1", "k1", "1"), "media type " + type) with { ContentType = type })));

    /// <summary>A cart.abandoned event of the sample definition (required: id, customer.id, cart.id; cart.total a number).</summary>
    public static string Cart(string id, string customerJson, string cartIdJson, string totalJson) =>
        $$"""{ "id": "{{id}}", "type": "cart.abandoned", "customer": { "id": {{Quote(customerJson)}}, "email": "x@example.com" }, "cart": { "id": {{Quote(cartIdJson)}}, "total": {{totalJson}} }, "occurredAt": "2026-11-23T10:00:00Z" }""";

    private static string Quote(string value) => value.StartsWith('"') || value.StartsWith('{') || value.StartsWith('[') || value is "null" or "true" or "false" || char.IsAsciiDigit(value[0]) ? value : "\"" + value + "\"";

    private static Gen<HostileRequest> WrongType(IReadOnlyDictionary<string, (string Id, string Body)> samples) =>
        Gen.Elements(WrongTypes).SelectMany(entry => Gen.Elements(entry.Values).Select(value =>
        {
            var body = JsonNode.Parse(samples[entry.Kind].Body)!.AsObject();
            body[entry.Field] = JsonNode.Parse(value);
            return Request("PUT", $"/api/{entry.Kind}/{samples[entry.Kind].Id}", body.ToJsonString(), $"{entry.Kind}.{entry.Field} = {value}");
        }));

    private static Gen<HostileRequest> Injection(IReadOnlyDictionary<string, (string Id, string Body)> samples) =>
        Gen.Elements(ExpressionFields).SelectMany(field => Gen.Elements(Injections).Select(expression =>
        {
            var body = JsonNode.Parse(samples[field.Kind].Body)!.AsObject();
            body[field.Field] = expression;
            return Request("PUT", $"/api/{field.Kind}/{samples[field.Kind].Id}", body.ToJsonString(), $"{field.Kind}.{field.Field} injection");
        }));

    private static Gen<HostileRequest> UnknownProperty(IReadOnlyDictionary<string, (string Id, string Body)> samples) =>
        from kind in Gen.Elements(samples.Keys.ToArray())
        from name in Gen.Elements("nxt", "__proto__", "$where", "constructor", "Match", "type ", "\u0000", new string('k', 10_000))
        select Request("PUT", $"/api/{kind}/{samples[kind].Id}", AddProperty(samples[kind].Body, name), $"{kind}: unknown property");

    private static string AddProperty(string json, string name)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        body[name] = JsonNode.Parse("{ \"$ne\": null }");
        return body.ToJsonString();
    }

    /// <summary>Bodies that are not JSON at all, or JSON past the limits: cut short, invalid UTF-8, raw control characters, nested too deep, over the size limit.</summary>
    private static Gen<HostileRequest> Broken(string valid) =>
        Gen.OneOf(
            Gen.Choose(1, valid.Length - 2).Select(cut => Request("PUT", string.Empty, valid[..cut], "cut at " + cut)),
            Gen.Choose(1, valid.Length - 2).SelectMany(at => Gen.Elements<byte[]>([0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]).Select(bytes =>
            {
                var utf8 = Encoding.UTF8.GetBytes(valid);
                var body = utf8[..at].Concat(bytes).Concat(utf8[at..]).ToArray();
                return new HostileRequest("PUT", string.Empty, body, "application/json", "invalid UTF-8 at " + at);
            })),
            Gen.Elements('\u0001', '\u0008', '\u001f', '\u0000').Select(control => Request("PUT", string.Empty, valid.Replace("\": \"", "\": \"" + control, StringComparison.Ordinal), "raw control character")),
            Gen.Choose(65, 5000).Select(depth => Request("PUT", string.Empty, valid.TrimEnd().TrimEnd('}') + ", \"deep\": " + new string('[', depth) + new string(']', depth) + "}", "nested " + depth)),
            Gen.Constant(Request("PUT", string.Empty, valid.TrimEnd().TrimEnd('}') + ", \"huge\": \"" + new string('x', 9 * 1024 * 1024) + "\" }", "9 MiB body")),
            Gen.Elements("", " ", "{", "}", "[", "nul", "{\"a\":1}}", "{\"a\" 1}", "{'a': 1}", "\uFEFF\uFEFF{}").Select(text => Request("PUT", string.Empty, text, "not JSON: " + text)));

    private static Gen<HostileRequest> BadId(IReadOnlyDictionary<string, (string Id, string Body)> samples) =>
        from kind in Gen.Elements(samples.Keys.ToArray())
        from id in Gen.Elements(new string('a', 65), new string('b', 5000), "a%20b", "..%2F..%2Fetc", "%00", "x%27%3B--", "caf%C3%A9", "a*b", "%7B%7Bparams.x%7D%7D")
        select Request("PUT", $"/api/{kind}/{id}", samples[kind].Body, $"{kind} id {id[..Math.Min(id.Length, 20)]}");

    private static Gen<HostileRequest> BadMediaType(IReadOnlyDictionary<string, (string Id, string Body)> samples) =>
        from kind in Gen.Elements(samples.Keys.ToArray())
        from type in Gen.Elements("text/plain", "application/xml", "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded")
        select Request("PUT", $"/api/{kind}/{samples[kind].Id}", samples[kind].Body, "media type " + type) with { ContentType = type };

    /// <summary>Well-formed batches of cart.abandoned events that each break the definition (a required field missing or of the wrong type, a typed field of the wrong type), with hostile extras.</summary>
    private static Gen<HostileRequest> InvalidEvents()
    {
        var hostileText = Gen.Elements(Injections.Concat(["'; DROP TABLE instances; --", "\u0007\u0000\u001b[2J", new string('z', 100_000), "{{entry.customer.email}}"]).ToArray());
        var one =
            from n in Gen.Choose(0, 1_000_000)
            from text in hostileText
            from flaw in Gen.Choose(0, 6)
            select flaw switch
            {
                0 => Cart($"bad-{n}", "42", "k1", "10"),
                1 => Cart($"bad-{n}", "c1", "{ \"nested\": true }", "10"),
                2 => Cart($"bad-{n}", "c1", "k1", JsonValue.Create(text).ToJsonString()),
                3 => Cart($"bad-{n}", "null", "k1", "10"),
                4 => $$"""{ "id": "bad-{{n}}", "type": "cart.abandoned", "customer": { "id": {{JsonValue.Create(text).ToJsonString()}} }, "cart": { "total": 5 }, "unknown": { "x": [1, 2, {"y": null}] } }""",
                5 => Cart($"bad-{n}", "[\"c1\"]", "k1", "10"),
                _ => $$"""{ "id": {{n}}, "type": "cart.abandoned", "customer": { "id": "c1" }, "cart": { "id": "k1", "total": "{{n}}" }, "occurredAt": {{JsonValue.Create(text).ToJsonString()}} }""",
            };
        return from events in Gen.ListOf(one).Resize(8).Where(l => l.Count > 0)
               select Request("POST", "/api/ingest", "[" + string.Join(',', events) + "]", $"{events.Count} invalid events");
    }

    private static HostileRequest Request(string method, string path, string body, string what) =>
        new(method, path, Encoding.UTF8.GetBytes(body), "application/json", what);
}
