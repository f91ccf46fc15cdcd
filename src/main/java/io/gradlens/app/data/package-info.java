/** The Data tab: a sortable, searchable, filterable table of examples. */
package io.gradlens.app.data;
