public enum DeskPlaceholder {}
