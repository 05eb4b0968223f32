using System.Text.Json;

namespace Journeys.Core.Expressions;

/// <summary>
/// Everything an evaluation may read: one JSON value per root (an <c>Undefined</c> element reads as null)
/// and the clock reading the engine passes in. Reusable: the engine sets the roots once per step.
/// </summary>
public sealed class EvaluationContext
{
    public JsonElement Entry { get; set; }

    public JsonElement Event { get; set; }

    private JsonElement _profile;
    private string? _deferredProfileId;
    private Func<string, JsonElement>? _buildProfile;

    /// <summary>An object with at least <c>id</c>.</summary>
    public JsonElement Profile
    {
        get
        {
            if (_buildProfile is { } build)
            {
                _profile = build(_deferredProfileId!);
                _buildProfile = null;
                _deferredProfileId = null;
            }

            return _profile;
        }

        set
        {
            _profile = value;
            _buildProfile = null;
            _deferredProfileId = null;
        }
    }

    /// <summary>An object with <c>id</c> and <c>version</c>.</summary>
    public JsonElement Journey { get; set; }

    /// <summary>An object keyed by waitForEvent node id.</summary>
    public JsonElement Events { get; set; }

    /// <summary>An object keyed by action node id, each <c>{ status, statusCode, body }</c>.</summary>
    public JsonElement Actions { get; set; }

    /// <summary>An object <c>{ source: { group: { field... } } }</c>.</summary>
    public JsonElement Data { get; set; }

    public JsonElement Params { get; set; }

    /// <summary>The instant <c>now()</c> returns. Supplied by the caller; expressions never read a clock.</summary>
    public DateTimeOffset Now { get; set; }

    /// <summary>
    /// Makes <see cref="Profile"/> <c>build(profileId)</c>, built on first read: most expressions never read the
    /// profile, and building it costs the engine a JSON document per step.
    /// </summary>
    internal void DeferProfile(string profileId, Func<string, JsonElement> build)
    {
        _profile = default;
        _deferredProfileId = profileId;
        _buildProfile = build;
    }

    public JsonElement Get(ExpressionRoot root) => root switch
    {
        ExpressionRoot.Entry => Entry,
        ExpressionRoot.Event => Event,
        ExpressionRoot.Profile => Profile,
        ExpressionRoot.Journey => Journey,
        ExpressionRoot.Events => Events,
        ExpressionRoot.Actions => Actions,
        ExpressionRoot.Data => Data,
        ExpressionRoot.Params => Params,
        _ => default,
    };
}
