/**
 * The `date` widget: a calendar date (YYYY-MM-DD), as the content model has it, in the browser's
 * own date input. Decap's datetime widget is made for instants: it shows a time zone ("UTC"), a
 * "Now" button, and reads the date at local midnight. Named `date`, the name Decap looks for when
 * it takes an entry's date for `{{year}}` in a path.
 */
export function registerCalendarDate(): void {
  const { CMS, h, createClass } = window;
  const control = createClass({
    render() {
      const { forID, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      return h("input", {
        type: "date",
        id: forID,
        className: classNameWrapper,
        value: typeof value === "string" ? value : "",
        onChange: (event: Event) => onChange((event.target as HTMLInputElement).value),
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
      });
    },
  });
  CMS.registerWidget("date", control, ({ value }) => (typeof value === "string" ? value : ""));
}
