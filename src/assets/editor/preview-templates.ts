/**
 * The editor's preview pane, shown as the site shows an item: its date as "14 November 2023",
 * topics and conference by their names, not the ids the file stores. Styled by the site's own
 * stylesheet (registered in admin-page.ts); the text below the front matter is Decap's own preview.
 */
import { abstractTitle } from "../../../scripts/lib/content/abstract-title.ts";
import { formatCalendarDate, formatDateRange, isCalendarDate } from "../../../scripts/lib/content/dates.ts";
import type { PreviewLabels } from "../../../scripts/lib/editor/config.ts";
import type { ImmutableMap, PreviewProps, ReactNode } from "./decap.ts";

type Data = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function registerPreviewTemplates(labels: PreviewLabels): void {
  const { CMS, h } = window;

  const topics = (data: Data): ReactNode => {
    const ids = list(data["tags"]).map(text).filter(Boolean);
    if (ids.length === 0) return null;
    return h(
      "footer",
      { className: "topics" },
      h("h2", null, "Topics"),
      h("ul", { role: "list" }, ...ids.map((id) => h("li", { key: id }, labels.topics[id] ?? id))),
    );
  };

  const image = (data: Data, { getAsset }: PreviewProps): ReactNode => {
    const photo = data["image"] as Data | undefined;
    const src = text(photo?.["src"]);
    if (!src) return null;
    return h(
      "figure",
      null,
      h("img", { src: getAsset(src)?.toString() ?? src, alt: text(photo?.["alt"]) }),
      photo?.["caption"] ? h("figcaption", null, text(photo["caption"])) : null,
    );
  };

  const dataOf = (props: PreviewProps): Data => ((props.entry.get("data") as ImmutableMap).toJS() as Data) ?? {};

  CMS.registerPreviewTemplate("news", (props) => {
    const data = dataOf(props);
    const date = text(data["date"]);
    return h(
      "article",
      { className: "article" },
      h(
        "header",
        null,
        h("h1", null, text(data["title"])),
        h(
          "p",
          { className: "meta" },
          "Published ",
          isCalendarDate(date) ? h("time", { dateTime: date }, formatCalendarDate(date)) : "(no date yet)",
        ),
      ),
      image(data, props),
      h("div", { className: "prose" }, props.widgetFor("body")),
      topics(data),
    );
  });

  CMS.registerPreviewTemplate("abstracts", (props) => {
    const data = dataOf(props);
    const conference = labels.conferences[text(data["conference"])];
    const speakers = list(data["speakers"]) as Data[];
    return h(
      "article",
      { className: "article" },
      h(
        "header",
        null,
        h(
          "h1",
          null,
          text(data["title"]) ||
            abstractTitle(
              speakers.map((speaker) => ({ name: text(speaker["name"]) })),
              text(data["session"]),
            ),
        ),
        h(
          "dl",
          { className: "facts" },
          h("dt", null, "Conference"),
          h(
            "dd",
            null,
            conference
              ? `${conference.name}, ${formatDateRange(conference.start, conference.end)}`
              : text(data["conference"]),
          ),
          h("dt", null, "Session"),
          h("dd", null, text(data["session"])),
          h("dt", null, speakers.length === 1 ? "Speaker" : "Speakers"),
          ...speakers.map((speaker, index) =>
            h(
              "dd",
              { key: index },
              [speaker["name"], speaker["role"], speaker["organisation"]].map(text).filter(Boolean).join(", "),
            ),
          ),
        ),
      ),
      image(data, props),
      h("div", { className: "prose" }, props.widgetFor("body")),
      topics(data),
    );
  });
}
