using System.Text.Json.Serialization;

namespace Journeys.Core.Model;

/// <summary>A node of a journey graph; the JSON <c>type</c> property selects the concrete kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ConditionNode), "condition")]
[JsonDerivedType(typeof(SplitNode), "split")]
[JsonDerivedType(typeof(WaitNode), "wait")]
[JsonDerivedType(typeof(WaitForEventNode), "waitForEvent")]
[JsonDerivedType(typeof(ActionNode), "action")]
[JsonDerivedType(typeof(JumpNode), "jump")]
[JsonDerivedType(typeof(EndNode), "end")]
public abstract class JourneyNode
{
    /// <summary>The contract name of this node kind, as written in <c>type</c>.</summary>
    [JsonIgnore]
    public abstract string TypeName { get; }

    /// <summary>Every (property name, target node id) this node can continue to, in a stable order.</summary>
    public abstract IEnumerable<(string Property, string Target)> Successors();
}
