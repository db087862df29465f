//! `certs`: a compliance evidence catalog.
//!
//! Data flows one way: files are read ([`load`]) into typed entries ([`model`]),
//! checked ([`validate`]) and held in a [`catalog`]; a [`query`] decides which entries
//! apply and why; [`report`] derives rows from them; [`render`] writes one format each.
//! The command line ([`cli`]), its dispatch ([`app`], [`commands`]) and the exit
//! statuses ([`exit`]) sit on top.

pub mod app;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diff;
pub mod exit;
pub mod lifecycle;
pub mod lint;
pub mod load;
pub mod locate;
pub mod manifest;
pub mod model;
pub mod problem;
pub mod query;
pub mod read;
pub mod region;
pub mod render;
pub mod report;
pub mod session;
pub mod site;
pub mod untrusted;
pub mod validate;
pub mod verify;
pub mod vocab;
pub mod yaml;
