using System.Text.Json.Nodes;
using Platform.Stacks.Rendering;
using YamlDotNet.RepresentationModel;

namespace Platform.Stacks.Tests;

public class YamlTextTests
{
    [Theory]
    [InlineData("40")]
    [InlineData("true")]
    [InlineData("No")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData("2026-12-31")]
    [InlineData("03:00")]
    [InlineData("- item")]
    [InlineData("key: value")]
    [InlineData("a #comment")]
    [InlineData("*alias")]
    [InlineData(" padded ")]
    [InlineData("line\nbreak")]
    [InlineData("script\n  indented\n\nafter a blank line\n")]
    [InlineData("ends with two breaks\n\n")]
    [InlineData("trailing space \nnext")]
    [InlineData(" leading space\nnext")]
    [InlineData("\nstarts with a break")]
    [InlineData("ünïcødé")]
    [InlineData("plain-text")]
    [InlineData("team-payments@example.com")]
    public void EveryStringReadsBackAsTheSameString(string value)
    {
        var yaml = YamlText.Document(new JsonObject { ["v"] = value });

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var node = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("v")];

        Assert.Equal(value, node.Value);
        var plainWouldChangeType = node.Style == YamlDotNet.Core.ScalarStyle.Plain
            && (bool.TryParse(value, out _) || decimal.TryParse(value, out _) || value is "" or "null" or "~");
        Assert.False(plainWouldChangeType);
    }

    [Fact]
    public void StringsThatLookLikeOtherTypesAreQuoted()
    {
        Assert.Equal("\"40\"", YamlText.Scalar("40"));
        Assert.Equal("\"yes\"", YamlText.Scalar("yes"));
        Assert.Equal("80Gi", YamlText.Scalar("80Gi"));
    }

    [Fact]
    public void NestedListsAndMapsUseBlockStyleWithIndentedSequences()
    {
        var yaml = YamlText.Documents([new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["items"] = new JsonArray(new JsonObject { ["a"] = 1, ["b"] = false }, "x"),
                ["empty"] = new JsonObject(),
                ["none"] = new JsonArray(),
            },
        }]);

        Assert.Equal("---\nspec:\n  items:\n    - a: 1\n      b: false\n    - x\n  empty: {}\n  none: []\n", yaml);
    }

    [Theory]
    [InlineData("a\nb", "v: |-\n  a\n  b\n")]
    [InlineData("a\n\n  b\n", "v: |\n  a\n\n    b\n")]
    [InlineData("a \nb", "v: \"a \\nb\"\n")]
    public void AMultiLineStringIsALiteralBlockWhenItReadsBackUnchanged(string value, string expected) =>
        Assert.Equal("---\n" + expected, YamlText.Document(new JsonObject { ["v"] = value }));
}
