using System.Text.Json;
using Platform.Stacks.Addons;

namespace Platform.Stacks.Tests;

/// <summary>DNS, public certificates and the cloud identities that write records.</summary>
public class DnsPlanTests
{
    private const string Admin = "arn:aws:iam::123456789012:role/platform-deployer";

    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static PlatformPlan AwsProd() => Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;

    private static AddonPlan Addon(PlatformPlan plan, string name) => plan.Addons.Single(a => a.Name == name);

    private static string GcpDns(string dns) => Stacks.GcpStaging($"platform:dns: {dns}");

    [Fact]
    public void ACloudStackWithADomainNeedsItsZone() => Stacks.Rejects(
        GcpDns("{ domain: staging.example.com }"),
        "platform:dns.zone: is required on gcp: external-dns and certificate validation write records there; give the managed zone's name, e.g. prod-example-com");

    [Fact]
    public void ARoute53ZoneIsAHostedZoneId() => Stacks.Rejects(
        Stacks.Config("platform:cloud: aws", Stacks.AwsCluster, "platform:dns: { domain: aws.example.com, zone: aws.example.com }"),
        "platform:dns.zone: 'aws.example.com' is not the hosted zone's id, e.g. Z0123456789ABCDEFGHIJ ('Z' then up to 31 uppercase letters and digits)");

    [Fact]
    public void ProdMustChooseItsIssuer() => Stacks.Rejects(
        Stacks.Config("gcp:project: acme-platform-prod", Stacks.Gcp, Stacks.Cluster, "platform:dns: { domain: prod.example.com, zone: prod-example-com }"),
        "platform:dns.issuer: is required in prod: choose letsencrypt for a publicly trusted certificate, or internal for the platform's own CA",
        "prod");

    [Fact]
    public void AnUnknownIssuerIsRejectedWithTheAllowedOnes() => Stacks.Rejects(
        GcpDns("{ domain: staging.example.com, zone: staging-example-com, issuer: letsencrypt-prod }"),
        "platform:dns.issuer: 'letsencrypt-prod' is not allowed; did you mean 'letsencrypt'? use internal, letsencrypt or letsencrypt-staging");

    [Fact]
    public void LetsEncryptNeedsAContactAddress() => Stacks.Rejects(
        GcpDns("{ domain: staging.example.com, zone: staging-example-com, issuer: letsencrypt }"),
        "platform:dns.acmeEmail: is required with issuer letsencrypt: Let's Encrypt sends expiry and policy notices there; e.g. platform-team@example.com");

    [Fact]
    public void AnExistingClusterHasNoZoneForDns01() => Stacks.Rejects(
        Stacks.Config("platform:cluster: { context: kind-platform }", "platform:dns: { domain: platform.localhost, issuer: letsencrypt, acmeEmail: me@example.com }"),
        "platform:dns.issuer: 'letsencrypt' needs a cloud DNS zone for DNS-01, which an existing cluster does not have; use internal");

    [Fact]
    public void ExternalDnsWritesOnlyTheDomainsRecordsAsThisClusterOnRoute53()
    {
        var externalDns = Addon(AwsProd(), "externalDns");
        var values = externalDns.Release!.Values;

        Assert.Equal("helm", externalDns.Mode);
        Assert.Equal("aws", values["provider"]!["name"]!.GetValue<string>());
        Assert.Equal(["--zone-id-filter=Z0123456789ABCDEFGHIJ", "--aws-zone-type=public"], values["extraArgs"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["aws.example.com"], values["domainFilters"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("aws-prod", values["txtOwnerId"]!.GetValue<string>());
        Assert.Equal(["gateway-httproute"], values["sources"]!.AsArray().Select(a => a!.GetValue<string>()));
        using var policy = JsonDocument.Parse(externalDns.Identity!.Aws!.PolicyDocument);
        var change = policy.RootElement.GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Sid").GetString() == "ChangeRecordsInOneZone");
        Assert.Equal("arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ", change.GetProperty("Resource").GetString());
        Assert.Equal(ExternalDns.ServiceAccount, externalDns.Identity.Aws.ServiceAccount);
    }

    [Fact]
    public void ExternalDnsOnGkeActsAsItsOwnGoogleAccountWithRecordRightsOnOneZone()
    {
        var externalDns = Addon(Prod(), "externalDns");
        var gcp = externalDns.Identity!.Gcp!;

        Assert.Equal("google", externalDns.Release!.Values["provider"]!["name"]!.GetValue<string>());
        Assert.Equal(gcp.Email, externalDns.Release.Values["serviceAccount"]!["annotations"]!["iam.gke.io/gcp-service-account"]!.GetValue<string>());
        Assert.Equal("prod-external-dns@acme-platform-prod.iam.gserviceaccount.com", gcp.Email);
        Assert.Equal(["roles/dns.reader"], gcp.ProjectRoles);
        Assert.Equal("prod-example-com", gcp.Zone);
        Assert.Equal(["roles/dns.admin"], gcp.ZoneRoles);
    }

    [Fact]
    public void ExternalDnsHasNothingToDoOnAnExistingClusterOrWithoutAZone()
    {
        Assert.Equal("disabled", Addon(Planner.PlanStackFile(Repo.Examples, "local").Plan!, "externalDns").Mode);
        Assert.Equal("disabled", Addon(Stacks.Valid(Stacks.GcpStaging()), "externalDns").Mode);
    }

    [Fact]
    public void TheGatewaysWildcardComesFromTheChosenIssuer()
    {
        static string Issuer(PlatformPlan plan) => Addon(plan, "envoyGateway").Objects
            .Single(o => o["kind"]!.GetValue<string>() == "Certificate")["spec"]!["issuerRef"]!["name"]!.GetValue<string>();

        Assert.Equal("letsencrypt", Issuer(Prod()));
        Assert.Equal(CertManager.CaIssuer, Issuer(Planner.PlanStackFile(Repo.Root, "staging").Plan!));
    }

    [Fact]
    public void LetsEncryptIssuersAnswerDns01InTheStacksZoneThroughTheCloudIdentity()
    {
        var issuers = Addon(AwsProd(), "certManager").Objects.Where(o => o["spec"]?["acme"] is not null).ToDictionary(o => o["metadata"]!["name"]!.GetValue<string>());
        var route53 = issuers["letsencrypt"]["spec"]!["acme"]!["solvers"]![0]!["dns01"]!["route53"]!;

        Assert.Equal(["letsencrypt", "letsencrypt-staging"], issuers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Z0123456789ABCDEFGHIJ", route53["hostedZoneID"]!.GetValue<string>());
        Assert.Null(route53["accessKeyID"]);
        Assert.Equal("https://acme-staging-v02.api.letsencrypt.org/directory", issuers["letsencrypt-staging"]["spec"]!["acme"]!["server"]!.GetValue<string>());
        Assert.Contains("route53:GetChange", Addon(AwsProd(), "certManager").Identity!.Aws!.PolicyDocument, StringComparison.Ordinal);
        var cloudDns = Addon(Prod(), "certManager").Objects.Single(o => o["metadata"]!["name"]!.GetValue<string>() == "letsencrypt")["spec"]!["acme"]!["solvers"]![0]!["dns01"]!["cloudDNS"]!;
        Assert.Equal("prod-example-com", cloudDns["hostedZoneName"]!.GetValue<string>());
    }

    [Fact]
    public void CertManagerNeedsNoCloudIdentityWithTheInternalCa() =>
        Assert.Null(Addon(Planner.PlanStackFile(Repo.Root, "staging").Plan!, "certManager").Identity);

    [Fact]
    public void ExternalDnsValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        "domainFilters, env, extraArgs, policy, priorityClassName, provider.name, registry, resources.limits.memory, resources.requests.cpu, resources.requests.memory, serviceAccount.create, serviceAccount.name, serviceMonitor.enabled, sources, txtOwnerId".Split(", "),
        ValuePaths.Of(Addon(AwsProd(), "externalDns").Release!.Values));
}
