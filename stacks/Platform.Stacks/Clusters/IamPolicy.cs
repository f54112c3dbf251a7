using System.Text.Json.Nodes;

namespace Platform.Stacks.Clusters;

/// <summary>IAM trust policies as JSON documents, built from typed parts rather than string templates.</summary>
public static class IamPolicy
{
    /// <summary>Lets an AWS service (e.g. <c>eks.amazonaws.com</c>) assume the role.</summary>
    public static string AssumeRoleByService(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Document(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = service },
            ["Action"] = "sts:AssumeRole",
        });
    }

    /// <summary>
    /// IRSA: lets one Kubernetes service account assume the role through the cluster's OIDC provider.
    /// </summary>
    /// <param name="providerArn">ARN of the cluster's IAM OIDC provider.</param>
    /// <param name="issuerUrl">The cluster's OIDC issuer URL (https://oidc.eks.…/id/…).</param>
    /// <param name="serviceAccount">namespace/name of the service account.</param>
    public static string AssumeRoleByServiceAccount(string providerArn, string issuerUrl, string serviceAccount)
    {
        ArgumentNullException.ThrowIfNull(providerArn);
        ArgumentNullException.ThrowIfNull(issuerUrl);
        ArgumentNullException.ThrowIfNull(serviceAccount);
        var issuer = issuerUrl.StartsWith("https://", StringComparison.Ordinal) ? issuerUrl["https://".Length..] : issuerUrl;
        var parts = serviceAccount.Split('/');
        return Document(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Federated"] = providerArn },
            ["Action"] = "sts:AssumeRoleWithWebIdentity",
            ["Condition"] = new JsonObject
            {
                ["StringEquals"] = new JsonObject
                {
                    [$"{issuer}:sub"] = $"system:serviceaccount:{parts[0]}:{parts[1]}",
                    [$"{issuer}:aud"] = "sts.amazonaws.com",
                },
            },
        });
    }

    private static string Document(JsonObject statement) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(statement),
    }.ToJsonString();
}
