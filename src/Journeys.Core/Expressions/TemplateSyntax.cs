namespace Journeys.Core.Expressions;

/// <summary>Placeholder syntax of a text template.</summary>
public enum TemplateSyntax
{
    /// <summary><c>{{expr}}</c>: action URLs, headers, query values and body strings.</summary>
    DoubleBrace,

    /// <summary><c>{expr}</c>: data-source paths.</summary>
    SingleBrace,
}
