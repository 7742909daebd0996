import Testing

@testable import Rendering

/// Which templates leave the escaping of text to Aftermail.
struct TemplateTagsTests {
    @Test(arguments: [
        ("<b>{{title}}</b>{{#summary}}{{.}}{{/summary}}{{^owner}}-{{/owner}}", true),
        ("{{{notesHTML}}}{{& body}}{{{ svg }}}", true),
        ("{{headline.sends}}{{> figures}}", true),
        ("{{! {{{title}}} }}", true),
        ("{{{title}}}", false),
        ("{{&summary}}", false),
        ("{{{.}}}", false),
        ("{{uppercased(title)}}", false),
        ("{{#empty(summary)}}x{{/empty(summary)}}", false),
        ("{{=<% %>=}}", false),
        ("{{%CONTENT_TYPE:TEXT}}", false),
        ("{{>*title}}", false),
        ("{{totals.name}}", false),
        ("{{#entry.title}}x{{/entry.title}}", false),
    ])
    func textIsLeftToAftermailOnlyWhenEveryTagAllowsIt(template: String, expected: Bool) {
        #expect(
            TemplateTags.leaveTextToAftermail(template) == expected,
            "\(template): want \(expected)")
    }
}
