using System.Text.Json.Nodes;

namespace Platform.Stacks.Clusters;

/// <summary>
/// Kubeconfig documents (JSON, which kubeconfig accepts) that authenticate through the clouds' exec plugins,
/// so no token is stored in state and access follows the caller's own cloud identity.
/// </summary>
public static class Kubeconfig
{
    private const string ExecApiVersion = "client.authentication.k8s.io/v1beta1";

    /// <summary>GKE: <c>gke-gcloud-auth-plugin</c>. <paramref name="endpoint"/> is the bare IP or host GKE reports.</summary>
    public static string Gke(string clusterName, string endpoint, string certificateAuthorityData)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var exec = new JsonObject
        {
            ["apiVersion"] = ExecApiVersion,
            ["command"] = "gke-gcloud-auth-plugin",
            ["installHint"] = "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin",
            ["provideClusterInfo"] = true,
            ["interactiveMode"] = "Never",
        };
        return Document(clusterName, $"https://{endpoint}", certificateAuthorityData, exec);
    }

    /// <summary>EKS: <c>aws eks get-token</c>. <paramref name="endpoint"/> is the https URL EKS reports.</summary>
    public static string Eks(string clusterName, string region, string endpoint, string certificateAuthorityData)
    {
        var exec = new JsonObject
        {
            ["apiVersion"] = ExecApiVersion,
            ["command"] = "aws",
            ["args"] = new JsonArray("eks", "get-token", "--cluster-name", clusterName, "--region", region, "--output", "json"),
            ["interactiveMode"] = "Never",
        };
        return Document(clusterName, endpoint, certificateAuthorityData, exec);
    }

    private static string Document(string name, string server, string certificateAuthorityData, JsonObject exec)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(certificateAuthorityData);
        var document = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["clusters"] = new JsonArray(new JsonObject
            {
                ["name"] = name,
                ["cluster"] = new JsonObject { ["server"] = server, ["certificate-authority-data"] = certificateAuthorityData },
            }),
            ["contexts"] = new JsonArray(new JsonObject
            {
                ["name"] = name,
                ["context"] = new JsonObject { ["cluster"] = name, ["user"] = name },
            }),
            ["current-context"] = name,
            ["users"] = new JsonArray(new JsonObject
            {
                ["name"] = name,
                ["user"] = new JsonObject { ["exec"] = exec },
            }),
        };
        return document.ToJsonString();
    }
}
