using System.Diagnostics.CodeAnalysis;

namespace Journeys.Runtime.Catalog;

/// <summary>Either the value of a successful catalog operation or the <see cref="CatalogFailure"/> the user caused.</summary>
public sealed class CatalogResult<T>
{
    private CatalogResult(T? value, CatalogFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public CatalogFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static CatalogResult<T> Success(T value) => new(value, null);

    public static CatalogResult<T> Failed(CatalogFailure failure) => new(default, failure);

    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Success and Failed are the named alternates.")]
    public static implicit operator CatalogResult<T>(CatalogFailure failure) => Failed(failure);
}
