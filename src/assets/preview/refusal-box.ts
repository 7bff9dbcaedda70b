/**
 * The box that shows the build's refusal, as npm start prints it: an alert with a heading and the
 * message, hidden until there is one. The preview's pages (refusal-banner.ts) and the editor's page
 * (src/assets/editor/verdict-banner.ts) each add their own words and place it.
 */
export function refusalBox(className: string, headingText: string): { box: HTMLElement; message: HTMLPreElement } {
  const box = document.createElement("section");
  box.className = className;
  box.setAttribute("role", "alert");
  box.setAttribute("aria-labelledby", `${className}-heading`);
  box.hidden = true;
  const heading = document.createElement("h2");
  heading.id = `${className}-heading`;
  heading.textContent = headingText;
  const message = document.createElement("pre");
  box.append(heading, message);
  return { box, message };
}
