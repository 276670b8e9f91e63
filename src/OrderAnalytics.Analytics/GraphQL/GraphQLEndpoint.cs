using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace OrderAnalytics.Analytics.GraphQL;

public sealed class GraphQLOptions
{
    public bool EnableIntrospection { get; set; } = true;
    public int MaxDepth { get; set; } = 15;
    public int MaxComplexity { get; set; } = 20000;
    public bool ExposeExceptionDetails { get; set; }
}

/// <summary>
/// POST /graphql with {"query","variables","operationName"}: the small endpoint GraphQL for .NET needs.
/// Depth, complexity and introspection limits are set where the schema is registered (Extensions).
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";

    public static async Task HandleAsync(HttpContext http, IDocumentExecuter executer, ISchema schema,
        IGraphQLTextSerializer serializer)
    {
        GraphQLRequest? request;
        try { request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted); }
        catch (JsonException ex)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsJsonAsync(new { errors = new[] { new { message = $"Malformed request: {ex.Message}" } } });
            return;
        }
        if (request?.Query is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsJsonAsync(new { errors = new[] { new { message = "A 'query' is required." } } });
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Variables = request.Variables,
            OperationName = request.OperationName,
            User = http.User,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            ThrowOnUnhandledException = false,
        });
        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
