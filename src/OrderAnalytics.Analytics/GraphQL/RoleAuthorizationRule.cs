using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace OrderAnalytics.Analytics.GraphQL;

/// <summary>
/// Rejects a request, before anything runs, when it selects a field marked <c>AuthorizeWithRoles(...)</c> and the user has
/// none of those roles (e.g. an analyst asking for a customer's name). Resolvers check the role again (defence in depth).
/// </summary>
public sealed class RoleAuthorizationRule : ValidationRuleBase
{
    public static readonly RoleAuthorizationRule Instance = new();

    public const string ErrorCode = "FORBIDDEN";

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLField>((node, context) =>
    {
        var field = context.TypeInfo.GetFieldDef();
        if (field?.GetRoles() is not { Count: > 0 } roles) return;
        if (roles.Any(role => context.User?.IsInRole(role) == true)) return;
        context.ReportError(new ValidationError(context.Document.Source, "authorization",
            $"Not authorized: field '{context.TypeInfo.GetParentType()?.Name}.{field.Name}' is personal data and needs role {string.Join(" or ", roles)}.",
            node) { Code = ErrorCode });
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
