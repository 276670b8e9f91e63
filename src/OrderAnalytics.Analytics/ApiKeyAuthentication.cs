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
        var presented = Request.Headers["X-API-Key"].ToString();
        if (presented.Length == 0 && Request.Headers.Authorization.ToString() is { } auth
            && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            presented = auth[7..].Trim();
        if (presented.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());

        var role = Matches(keys.CurrentValue.AdminKeys, presented) ? Roles.Admin
            : Matches(keys.CurrentValue.AnalystKeys, presented) ? Roles.Analyst : null;
        if (role is null) return Task.FromResult(AuthenticateResult.Fail("unknown API key"));

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], SchemeName);
        if (role == Roles.Admin) identity.AddClaim(new Claim(ClaimTypes.Role, Roles.Analyst));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private static bool Matches(IEnumerable<string> configured, string presented)
    {
        var given = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var key in configured.Where(k => k.Length > 0))
            match |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(key));
        return match;
    }
}
