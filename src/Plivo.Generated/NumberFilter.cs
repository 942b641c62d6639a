using System;
using System.Collections.Generic;
using System.Linq;

namespace Plivo.Generated;

/// <summary>Which of a pool's numbers a list or count takes: <c>new NumberFilter { CountryIso2 = "US", StartsWith = { "1415" } }</c>.</summary>
public sealed class NumberFilter
{
    /// <summary>The numbers' country, as an ISO 3166-1 alpha-2 code (<c>US</c>); needed with <see cref="StartsWith"/>.</summary>
    public string? CountryIso2 { get; set; }

    /// <summary>Up to <see cref="PlivoFormats.MaxStartsWithPrefixes"/> digit prefixes; a number matches if it starts with one.</summary>
    public IList<string> StartsWith { get; set; } = new List<string>();

    /// <summary>The kind of number.</summary>
    public NumberType? Type { get; set; }

    /// <summary>The service the numbers serve in the pool.</summary>
    public NumberService? Service { get; set; }

    /// <summary>The prefixes as Plivo takes them (comma-separated), or null; checked first.</summary>
    /// <exception cref="ArgumentException">A value is malformed, there are too many prefixes, or prefixes come without a country; the message names it.</exception>
    internal string? Validate(string paramName)
    {
        ArgumentChecks.CountryIso2(CountryIso2, paramName + "." + nameof(CountryIso2));
        ArgumentChecks.Defined(Type, paramName + "." + nameof(Type));
        ArgumentChecks.Defined(Service, paramName + "." + nameof(Service));
        var prefixes = StartsWith ?? Array.Empty<string>();
        if (prefixes.Count == 0)
        {
            return null;
        }

        if (prefixes.Count > PlivoFormats.MaxStartsWithPrefixes)
        {
            throw new ArgumentException($"At most {PlivoFormats.MaxStartsWithPrefixes} prefixes; got {prefixes.Count}.", paramName + "." + nameof(StartsWith));
        }

        if (prefixes.FirstOrDefault(p => !PlivoFormats.IsNumberPrefix(p)) is { } bad || prefixes.Any(p => p is null))
        {
            throw new ArgumentException("Every prefix is 1 to 15 ASCII digits.", paramName + "." + nameof(StartsWith));
        }

        if (CountryIso2 is null)
        {
            throw new ArgumentException("Plivo takes prefixes only together with a country: set CountryIso2 too.", paramName + "." + nameof(CountryIso2));
        }

        return string.Join(",", prefixes);
    }

    /// <summary>Shows the filter.</summary>
    public override string ToString() =>
        $"NumberFilter(CountryIso2={CountryIso2 ?? "(any)"}, StartsWith=[{string.Join(",", StartsWith ?? Array.Empty<string>())}], Type={Type?.ToString() ?? "(any)"}, Service={Service?.ToString() ?? "(any)"})";
}
