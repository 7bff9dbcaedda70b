/**
 * The part of Decap CMS's browser globals this page uses (decapcms.org/docs/customization,
 * /custom-widgets, /registering-events). Its values are Immutable.js maps and lists; `h` and
 * `createClass` are the React it bundles.
 */
export interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  delete(key: string): ImmutableMap;
  values(): Iterable<unknown>;
  toJS(): unknown;
}

export interface DecapEntry {
  get(key: "data"): ImmutableMap;
  get(key: "collection"): string;
  get(key: "newRecord"): boolean | undefined;
}

export type ReactNode = unknown;
export type Component<Props> = (props: Props) => ReactNode;

/** What Decap passes a preview template. */
export interface PreviewProps {
  entry: { get(key: "data"): ImmutableMap };
  widgetFor(name: string): ReactNode;
  getAsset(path: string): { toString(): string } | undefined;
}

/** What Decap passes a widget's control. */
export interface ControlProps {
  forID: string;
  value: unknown;
  onChange(value: string): void;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}

export interface Decap {
  init(options?: { config?: Record<string, unknown> }): void;
  registerPreviewStyle(style: string, options?: { raw: boolean }): void;
  registerPreviewTemplate(collection: string, template: Component<PreviewProps>): void;
  registerWidget(name: string, control: unknown, preview?: Component<{ value: unknown }>): void;
  registerEventListener(listener: {
    name: "preSave" | "postSave";
    handler: (event: { entry: DecapEntry }) => unknown;
  }): void;
  getLocale(locale: string): Record<string, unknown> | undefined;
  registerLocale(locale: string, phrases: Record<string, unknown>): void;
}

declare global {
  interface Window {
    CMS: Decap;
    /** Set before decap-cms.js runs: this page starts Decap itself, with its own settings. */
    CMS_MANUAL_INIT?: boolean;
    h(type: string | unknown, props?: Record<string, unknown> | null, ...children: ReactNode[]): ReactNode;
    createClass(spec: { render(this: { props: ControlProps }): ReactNode }): unknown;
  }
}
