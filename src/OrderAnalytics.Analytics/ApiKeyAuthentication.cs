using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OrderAnalytics.Analytics;

public static class Roles
{
    /// <summary>Aggregates and customer pseudonyms only.</summary>
    public const string Analyst = "analyst";
    /// <summary>Personal data, review decisions, re-processing.</summary>
    public const string Admin = "admin";
}

public sealed class ApiKeyOptions
{
    /// <summary>Keys for analysts; several allowed for rotation.</summary>
    public List<string> AnalystKeys { get; set; } = [];
    public List<string> AdminKeys { get; set; } = [];
}

/// <summary>Authenticates "X-API-Key: k" or "Authorization: Bearer k" against the configured keys (constant time).</summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> scheme, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<ApiKeyOptions> keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(scheme, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ApiKeys.Presented(Request);
        if (presented.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());

        var role = ApiKeys.Matches(keys.CurrentValue.AdminKeys, presented) ? Roles.Admin
            : ApiKeys.Matches(keys.CurrentValue.AnalystKeys, presented) ? Roles.Analyst : null;
        if (role is null) return Task.FromResult(AuthenticateResult.Fail("unknown API key"));

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], SchemeName);
        if (role == Roles.Admin) identity.AddClaim(new Claim(ClaimTypes.Role, Roles.Analyst));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
