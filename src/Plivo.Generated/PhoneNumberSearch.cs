using System;

namespace Plivo.Generated;

/// <summary>What a buy-and-add looks for in Plivo's inventory when no number is given: <c>new PhoneNumberSearch("US") { Pattern = "415" }</c>.</summary>
public sealed class PhoneNumberSearch
{
    /// <summary>Creates a search in one country.</summary>
    /// <param name="countryIso">The country, as an ISO 3166-1 alpha-2 code (<c>US</c>).</param>
    public PhoneNumberSearch(string countryIso)
    {
        CountryIso = countryIso;
    }

    /// <summary>The country, as an ISO 3166-1 alpha-2 code.</summary>
    public string CountryIso { get; set; }

    /// <summary>The kind of number.</summary>
    public NumberType? Type { get; set; }

    /// <summary>Digits the number must contain (<c>415</c>).</summary>
    public string? Pattern { get; set; }

    /// <summary>A region or city of the country.</summary>
    public string? Region { get; set; }

    /// <summary>The services the number must support, comma-separated (<c>voice,sms</c>).</summary>
    public string? Services { get; set; }

    internal void Validate(string paramName)
    {
        ArgumentChecks.NotBlank(CountryIso, paramName + "." + nameof(CountryIso));
        ArgumentChecks.CountryIso2(CountryIso, paramName + "." + nameof(CountryIso));
        ArgumentChecks.Defined(Type, paramName + "." + nameof(Type));
        if (Pattern is { } pattern && !PlivoFormats.IsNumberPrefix(pattern))
        {
            throw new ArgumentException("The pattern is 1 to 15 ASCII digits.", paramName + "." + nameof(Pattern));
        }
    }

    /// <summary>Shows the search.</summary>
    public override string ToString() => $"PhoneNumberSearch(CountryIso={CountryIso}, Type={Type?.ToString() ?? "(any)"}, Pattern={Pattern ?? "(any)"}, Region={Region ?? "(any)"}, Services={Services ?? "(any)"})";
}
