import { tokens } from '@fluentui/react-components';

/** A text colour and its subtle variant, as the Adaptive Cards host config names them. */
const color = (normal: string, subtle: string) => ({ default: normal, subtle });

/**
 * The foreground colours of every container style. The Fluent tokens are CSS variables, so one host
 * config follows the tab's light, dark and high-contrast theme without being built again; Fluent's
 * tokens are made to be readable on its neutral and status backgrounds, which the containers use.
 */
const foregroundColors = {
  default: color(tokens.colorNeutralForeground1, tokens.colorNeutralForeground2),
  dark: color(tokens.colorNeutralForeground1, tokens.colorNeutralForeground2),
  light: color(tokens.colorNeutralForeground2, tokens.colorNeutralForeground3),
  accent: color(tokens.colorBrandForeground1, tokens.colorBrandForeground2),
  good: color(tokens.colorStatusSuccessForeground1, tokens.colorStatusSuccessForeground1),
  warning: color(tokens.colorStatusWarningForeground3, tokens.colorStatusWarningForeground3),
  attention: color(tokens.colorStatusDangerForeground1, tokens.colorStatusDangerForeground1),
};

const container = (backgroundColor: string) => ({ backgroundColor, foregroundColors, borderColor: tokens.colorNeutralStroke2 });

/**
 * A host config like Teams' for Adaptive Cards 1.5: Teams' spacing and type sizes, Fluent's colours.
 * Actions are stacked full width, as Teams shows them on a phone (where many staff answer): no button
 * title is cut short. `headingLevel` 3: the card sits under the editor's level-2 "Preview" heading.
 */
export const cardHostConfig = {
  supportsInteractivity: true,
  fontFamily: tokens.fontFamilyBase,
  fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  lineHeights: { small: 16, default: 20, medium: 22, large: 28, extraLarge: 32 },
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: tokens.colorNeutralStroke2 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: container(tokens.colorNeutralBackground1),
    emphasis: container(tokens.colorNeutralBackground3),
    accent: container(tokens.colorBrandBackground2),
    good: container(tokens.colorStatusSuccessBackground1),
    attention: container(tokens.colorStatusDangerBackground1),
    warning: container(tokens.colorStatusWarningBackground1),
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'vertical',
    actionAlignment: 'stretch',
  },
  inputs: {
    label: {
      inputSpacing: 'small',
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'bolder' },
    },
    errorMessage: { color: 'attention' },
  },
  factSet: {
    title: { weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { wrap: true },
    spacing: 8,
  },
  textBlock: { headingLevel: 3 },
  textStyles: { heading: { size: 'large', weight: 'bolder', color: 'default' } },
};
