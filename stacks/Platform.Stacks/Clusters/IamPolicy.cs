using System.Text.Json.Nodes;

namespace Platform.Stacks.Clusters;

/// <summary>IAM trust and permission policies as JSON documents, built from typed parts rather than string templates.</summary>
public static class IamPolicy
{
    /// <summary>The EKS Pod Identity service, which assumes roles on behalf of service accounts.</summary>
    public const string PodIdentityService = "pods.eks.amazonaws.com";

    /// <summary>Lets EKS Pod Identity assume the role (and tag the session with the pod's identity).</summary>
    public static string AssumeRoleByPodIdentity() => Document(new JsonObject
    {
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["Service"] = PodIdentityService },
        ["Action"] = new JsonArray("sts:AssumeRole", "sts:TagSession"),
    });

    /// <summary>
    /// The Cluster Autoscaler's permissions: describe Auto Scaling groups, instance types, launch templates and
    /// node groups anywhere (read-only), but change the size of, or terminate instances in, only the groups EKS
    /// tagged as owned by <paramref name="clusterName"/>.
    /// </summary>
    public static string ClusterAutoscaler(string clusterName)
    {
        ArgumentNullException.ThrowIfNull(clusterName);
        return Document(
            new JsonObject
            {
                ["Sid"] = "Describe",
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray(
                    "autoscaling:DescribeAutoScalingGroups",
                    "autoscaling:DescribeAutoScalingInstances",
                    "autoscaling:DescribeLaunchConfigurations",
                    "autoscaling:DescribeScalingActivities",
                    "autoscaling:DescribeTags",
                    "ec2:DescribeImages",
                    "ec2:DescribeInstanceTypes",
                    "ec2:DescribeLaunchTemplateVersions",
                    "ec2:GetInstanceTypesFromInstanceRequirements",
                    "eks:DescribeNodegroup"),
                ["Resource"] = "*",
            },
            new JsonObject
            {
                ["Sid"] = "ResizeOwnGroups",
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"),
                ["Resource"] = "*",
                ["Condition"] = new JsonObject
                {
                    ["StringEquals"] = new JsonObject { [$"aws:ResourceTag/k8s.io/cluster-autoscaler/{clusterName}"] = "owned" },
                },
            });
    }

    /// <summary>
    /// An observability backend on S3: list bucket <paramref name="bucket"/>, and read, write and delete its objects;
    /// nothing in any other bucket.
    /// </summary>
    public static string ObjectStore(string bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return Document(
            new JsonObject
            {
                ["Sid"] = "ListTheBucket",
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("s3:ListBucket", "s3:GetBucketLocation"),
                ["Resource"] = $"arn:aws:s3:::{bucket}",
            },
            new JsonObject
            {
                ["Sid"] = "UseItsObjects",
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"),
                ["Resource"] = $"arn:aws:s3:::{bucket}/*",
            });
    }

    /// <summary>
    /// external-dns on Route53: list zones anywhere (to find the one it owns), but read and change records only in
    /// hosted zone <paramref name="zoneId"/>.
    /// </summary>
    public static string ExternalDns(string zoneId)
    {
        ArgumentNullException.ThrowIfNull(zoneId);
        return Document(
            new JsonObject
            {
                ["Sid"] = "ChangeRecordsInOneZone",
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:ListTagsForResources"),
                ["Resource"] = $"arn:aws:route53:::hostedzone/{zoneId}",
            },
            new JsonObject
            {
                ["Sid"] = "ListZones",
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("route53:ListHostedZones"),
                ["Resource"] = "*",
            });
    }

    /// <summary>
    /// The AWS Load Balancer Controller, for network load balancers of Services only (no ALB ingress): read the
    /// network and load balancers anywhere; create load balancers, target groups and security groups only when it
    /// tags them as this cluster's; change, tag and delete only what carries that tag.
    /// </summary>
    public static string LoadBalancerController(string clusterName)
    {
        ArgumentNullException.ThrowIfNull(clusterName);
        const string Tag = "elbv2.k8s.aws/cluster";
        JsonObject Requested() => new() { ["StringEquals"] = new JsonObject { [$"aws:RequestTag/{Tag}"] = clusterName } };
        JsonObject Owned() => new() { ["StringEquals"] = new JsonObject { [$"aws:ResourceTag/{Tag}"] = clusterName } };
        return Document(
            new JsonObject
            {
                ["Sid"] = "ServiceLinkedRole",
                ["Effect"] = "Allow",
                ["Action"] = "iam:CreateServiceLinkedRole",
                ["Resource"] = "*",
                ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["iam:AWSServiceName"] = "elasticloadbalancing.amazonaws.com" } },
            },
            new JsonObject
            {
                ["Sid"] = "Read",
                ["Effect"] = "Allow",
                ["Action"] = Strings([
                    "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeInstances",
                    "ec2:DescribeInternetGateways", "ec2:DescribeNetworkInterfaces", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups",
                    "ec2:DescribeSubnets", "ec2:DescribeTags", "ec2:DescribeVpcs", "ec2:GetSecurityGroupsForVpc",
                    "elasticloadbalancing:DescribeListenerAttributes", "elasticloadbalancing:DescribeListeners",
                    "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeLoadBalancers",
                    "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTargetGroupAttributes",
                    "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth",
                ]),
                ["Resource"] = "*",
            },
            new JsonObject
            {
                ["Sid"] = "CreateTagged",
                ["Effect"] = "Allow",
                ["Action"] = Strings(["ec2:CreateSecurityGroup", "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"]),
                ["Resource"] = "*",
                ["Condition"] = Requested(),
            },
            new JsonObject
            {
                ["Sid"] = "TagWhileCreating",
                ["Effect"] = "Allow",
                ["Action"] = Strings(["ec2:CreateTags", "elasticloadbalancing:AddTags"]),
                ["Resource"] = "*",
                ["Condition"] = new JsonObject
                {
                    ["StringEquals"] = new JsonObject { [$"aws:RequestTag/{Tag}"] = clusterName },
                    ["ForAnyValue:StringEquals"] = new JsonObject
                    {
                        ["ec2:CreateAction"] = Strings(["CreateSecurityGroup"]),
                        ["elasticloadbalancing:CreateAction"] = Strings(["CreateLoadBalancer", "CreateTargetGroup"]),
                    },
                },
            },
            new JsonObject
            {
                ["Sid"] = "ChangeOwned",
                ["Effect"] = "Allow",
                ["Action"] = Strings([
                    "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateTags", "ec2:DeleteSecurityGroup", "ec2:DeleteTags",
                    "ec2:RevokeSecurityGroupIngress", "elasticloadbalancing:AddTags", "elasticloadbalancing:DeleteLoadBalancer",
                    "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyLoadBalancerAttributes",
                    "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
                    "elasticloadbalancing:RemoveTags", "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetSecurityGroups",
                    "elasticloadbalancing:SetSubnets",
                ]),
                ["Resource"] = "*",
                ["Condition"] = Owned(),
            },
            new JsonObject
            {
                ["Sid"] = "ListenersAndTargets",
                ["Effect"] = "Allow",
                ["Action"] = Strings([
                    "elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:ModifyListener",
                    "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets",
                ]),
                ["Resource"] = Strings([
                    "arn:aws:elasticloadbalancing:*:*:loadbalancer/net/*/*",
                    "arn:aws:elasticloadbalancing:*:*:listener/net/*/*/*",
                    "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*",
                ]),
            });
    }

    /// <summary>
    /// cert-manager's DNS-01 on Route53: write the challenge records in hosted zone <paramref name="zoneId"/> only,
    /// and follow the changes it made.
    /// </summary>
    public static string CertManagerDns01(string zoneId)
    {
        ArgumentNullException.ThrowIfNull(zoneId);
        return Document(
            new JsonObject
            {
                ["Sid"] = "ChallengeRecordsInOneZone",
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"),
                ["Resource"] = $"arn:aws:route53:::hostedzone/{zoneId}",
            },
            new JsonObject
            {
                ["Sid"] = "FollowChanges",
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("route53:GetChange"),
                ["Resource"] = "arn:aws:route53:::change/*",
            });
    }

    /// <summary>
    /// A KMS key policy: <paramref name="administrators"/> manage the key but cannot use it; the role
    /// <paramref name="userArn"/> may do <paramref name="userActions"/> and nothing more.
    /// </summary>
    public static string KmsKey(IReadOnlyList<string> administrators, string userArn, IReadOnlyList<string> userActions)
    {
        ArgumentNullException.ThrowIfNull(administrators);
        ArgumentNullException.ThrowIfNull(userArn);
        ArgumentNullException.ThrowIfNull(userActions);
        return Document(
            new JsonObject
            {
                ["Sid"] = "Administrators",
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["AWS"] = Strings(administrators) },
                ["Action"] = Strings(KeyAdministration),
                ["Resource"] = "*",
            },
            new JsonObject
            {
                ["Sid"] = "ClusterUse",
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["AWS"] = userArn },
                ["Action"] = Strings(userActions),
                ["Resource"] = "*",
            });
    }

    /// <summary>What a key administrator may do: manage, tag and schedule deletion, never encrypt or decrypt.</summary>
    public static IReadOnlyList<string> KeyAdministration { get; } =
    [
        "kms:CancelKeyDeletion", "kms:Create*", "kms:Delete*", "kms:Describe*", "kms:Disable*", "kms:Enable*", "kms:Get*",
        "kms:List*", "kms:Put*", "kms:Revoke*", "kms:RotateKeyOnDemand", "kms:ScheduleKeyDeletion", "kms:TagResource",
        "kms:UntagResource", "kms:Update*",
    ];

    private static JsonArray Strings(IEnumerable<string> values) => Manifests.Kube.Strings([.. values]);
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

    private static string Document(params JsonObject[] statements) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray([.. statements]),
    }.ToJsonString();
}
