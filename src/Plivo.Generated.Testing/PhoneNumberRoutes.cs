using System;
using System.Linq;

namespace Plivo.Generated.Testing;

/// <summary>The sandbox's search of Plivo's inventory of numbers to rent (seeded with <c>AddInventoryNumber</c>).</summary>
internal static class PhoneNumberRoutes
{
    public static SandboxAnswer Search(SandboxCall call)
    {
        if (!Paging.TryRead(call, out var limit, out var offset, out var problem))
        {
            return problem!;
        }

        // Plivo's SDKs send the country as country_iso (and some as country_iso2).
        if (!call.Query.TryGetValue("country_iso", out var country) && !call.Query.TryGetValue("country_iso2", out country) || !PlivoFormats.IsCountryIso2(country))
        {
            return SandboxCall.Error(400, "country_iso is required: two capital letters, such as US");
        }

        call.Query.TryGetValue("type", out var type);
        call.Query.TryGetValue("pattern", out var pattern);
        call.Query.TryGetValue("region", out var region);
        var (page, total) = call.State.SearchInventory(n =>
            n.CountryIso2 == country
            && (string.IsNullOrEmpty(type) || type == "any" || n.Type == type)
            && (string.IsNullOrEmpty(pattern) || n.Number.Contains(pattern))
            && (string.IsNullOrEmpty(region) || string.Equals(n.Region, region, StringComparison.OrdinalIgnoreCase)), limit, offset);
        return call.Ok(new PhoneNumberList
        {
            ApiId = SandboxAnswers.NewApiId(),
            Meta = Paging.Meta($"{call.AccountPath}PhoneNumber/", limit, offset, total),
            Objects = page.Select(n => new PhoneNumber
            {
                Country = n.CountryIso2,
                MmsEnabled = true,
                MonthlyRentalRate = "0.80000",
                Number = n.Number,
                Prefix = n.Number.Length > 4 ? n.Number.Substring(1, 3) : n.Number,
                Region = n.Region ?? string.Empty,
                ResourceUri = $"{call.AccountPath}PhoneNumber/{n.Number}/",
                SetupRate = "0.00000",
                SmsEnabled = true,
                Type = n.Type,
                VoiceEnabled = true,
            }).ToList(),
        });
    }
}
